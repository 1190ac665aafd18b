package io.newsstance.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataCheckerTest {

    private static final String HEADER = "pair_id,sentence_id,split,text,start,end,mention,actor,alias_kind,stance,sentiment\n";

    @Test
    void theShippedCorpusIsClean() {
        DataChecker.Report r = new DataChecker().check(List.of(Path.of("training-data/stance-train.csv"),
                Path.of("training-data/stance-dev.csv"), Path.of("training-data/stance-test.csv")));
        assertEquals(List.of(), r.problems());
        assertTrue(r.examples() >= 4000, "pairs: " + r.examples());
    }

    @Test
    void reportsEachProblemWithFileAndLine(@TempDir Path dir) throws Exception {
        Path train = dir.resolve("x-train.csv");
        Path test = dir.resolve("x-test.csv");
        Files.writeString(train, HEADER
                + "p1,s1,train,Moscow warned Kyiv.,0,6,Moscow,RUSSIA,seat,negative,negative\n"
                + "p2,s1,train,Moscow warned Kyiv.,14,18,Kyiv,UKRAINE,seat,neutral,negative\n"
                + "p3,s2,train,Seoul thanked Tokyo.,0,4,Seoul,SOUTH_KOREA,seat,positive,positive\n"
                + "p1,s3,train,Beijing replied.,0,7,Beijing,CHINA,seat,angry,neutral\n"
                + "p5,s3,train,Beijing replied.,0,99,Beijing,CHINA,seat,neutral,neutral\n"
                + "p6,s1,train,Another text.,0,7,Another,USA,name,neutral,neutral\n"
                + "p7,s7,train,\"Unclosed,0,1,U,USA,name,neutral,neutral\n");
        Files.writeString(test, HEADER
                + "q1,t1,test,Moscow warned Kyiv.,0,6,Moscow,RUSSIA,seat,negative,negative\n");
        DataChecker.Report r = new DataChecker().check(List.of(train, test));
        List<String> p = r.problems();
        assertTrue(p.contains(train + ":4: text[0:4] is 'Seou', not the mention 'Seoul'"), p.toString());
        assertTrue(p.contains(train + ":5: stance 'angry' is not negative, neutral or positive"), p.toString());
        assertTrue(p.contains(train + ":6: span [0, 99) is not inside the text (length 16)"), p.toString());
        assertTrue(p.contains(train + ":7: sentence_id 's1' has a different text than at " + train + ":2"), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.startsWith(train + ":8: malformed CSV")), p.toString());
        assertTrue(p.contains(test + ":2: sentence is in split 'test' and also in split 'train' (" + train + ":2)"),
                p.toString());
        assertEquals(6, p.size(), p.toString());
    }

    @Test
    void badEncodingAndDuplicatePairIdsAreReported(@TempDir Path dir) throws Exception {
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, (HEADER + "p1,s1,,Caf\u00e9 in Paris.,8,13,Paris,FRANCE,seat,neutral,neutral\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        Path dup = dir.resolve("dup.csv");
        Files.writeString(dup, HEADER
                + "p1,s1,,Paris agreed.,0,5,Paris,FRANCE,seat,positive,positive\n"
                + "p1,s2,,Rome agreed.,0,4,Rome,ITALY,seat,positive,positive\n");
        List<String> p = new DataChecker().check(List.of(latin1, dup)).problems();
        assertEquals(latin1 + ":2: invalid UTF-8 at byte offset 93 (is the file in another encoding?)", p.get(0));
        assertEquals(dup + ":3: duplicate pair id 'p1' (first at " + dup + ":2)", p.get(1));
    }
}
