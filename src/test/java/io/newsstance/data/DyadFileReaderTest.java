package io.newsstance.data;

import io.newsstance.api.Polarity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads the shipped dyad CSVs, Park et al.'s TSV format and broken files of both. */
class DyadFileReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsTheShippedDyadSplitsWithSpansThatNameTheirMentions() throws IOException {
        for (String split : List.of("train", "dev", "test")) {
            Path file = Path.of("training-data", "dyads-" + split + ".csv");
            DyadFile read = new DyadFileReader().read(file);
            assertEquals(List.of(), read.problems());
            long lines = Files.readAllLines(file).size() - 1;
            assertEquals(lines, read.dyads().size(), "one dyad per row: " + file);
            assertEquals(read.records(), read.dyads().size());
            for (DyadExample d : read.dyads()) {
                assertEquals(split, d.split());
                assertTrue(!d.source().overlaps(d.target()), d.id());
                assertTrue(!d.sourceActor().isEmpty() && !d.sourceActor().equals(d.targetActor()), d.id());
            }
        }
    }

    @Test
    void badDyadRowsAreReportedByLineAndTheRestIsRead() throws IOException {
        Path file = dir.resolve("dyads.csv");
        Files.writeString(file, String.join("\n",
                "dyad_id,sentence_id,text,source_start,source_end,source_actor,target_start,target_end,target_actor,stance",
                "x1,s1,Seoul condemned Pyongyang.,0,5,SOUTH_KOREA,16,25,DPRK,negative",
                "x2,s1,Seoul condemned Pyongyang.,0,5,SOUTH_KOREA,16,40,DPRK,negative",
                "x3,s1,Seoul condemned Pyongyang.,0,5,SOUTH_KOREA,2,9,DPRK,negative",
                "x4,s1,Seoul condemned Pyongyang.,0,5,DPRK,16,25,DPRK,negative",
                "x5,s1,Seoul condemned Pyongyang.,0,5,SOUTH_KOREA,16,25,DPRK,hostile",
                "x6,s1,Seoul condemned Pyongyang.,a,5,SOUTH_KOREA,16,25,DPRK,negative") + "\n");
        DyadFile read = new DyadFileReader().read(file);
        assertEquals(1, read.dyads().size());
        assertEquals(6, read.records());
        assertEquals(read.records(), read.dyads().size() + read.problems().size(), "every record is read or reported");
        String problems = String.join("\n", read.problems());
        assertTrue(problems.contains(file + ":3: target span [16, 40) is not inside the text"), problems);
        assertTrue(problems.contains(file + ":4: the source span [0, 5) and the target span [2, 9) overlap"), problems);
        assertTrue(problems.contains(file + ":5: source and target are the same actor DPRK"), problems);
        assertTrue(problems.contains(file + ":6: stance 'hostile' is not negative, neutral or positive"), problems);
        assertTrue(problems.contains(file + ":7: source_start and source_end must be integers"), problems);
        DyadExample d = read.dyads().get(0);
        assertEquals("Seoul", d.source().of(d.sentence()));
        assertEquals("Pyongyang", d.target().of(d.sentence()));
        assertEquals(Polarity.NEGATIVE, d.stance());
    }

    @Test
    void parkRecordsBecomeTwoOrderedDyadsWithTheBracketsRemoved() throws IOException {
        Path file = dir.resolve("test.tsv");
        Files.writeString(file, String.join("\n",
                "[Trump] praised [Kasich]'s plan.\tTrump\tKasich\t1",
                "Officials in [Brussel]s rebuked [Orban].\tOrban\tBrussel\t4",
                "[Pelosi] met [Schumer].\tPelosi\tSchumer\t0",
                "no brackets here\tA\tB\t3",
                "[A] and [B] argued.\tA\tB\t7",
                "[A] and [B] argued.\tA\tB") + "\n");
        DyadFile read = new DyadFileReader().read(file);
        assertEquals(6, read.records());
        assertEquals(3, read.pairs().size());
        assertEquals(3, read.problems().size(), read.problems().toString());
        assertTrue(read.problems().get(0).startsWith(file + ":4: the sentence marks 0 entities"), read.problems().get(0));
        assertTrue(read.problems().get(1).startsWith(file + ":5: label 7 is not 0-4"), read.problems().get(1));
        assertTrue(read.problems().get(2).startsWith(file + ":6: expected 4 tab-separated fields"), read.problems().get(2));

        DirectedPair praise = read.pairs().get(0);
        assertEquals("Trump praised Kasich's plan.", praise.sentence());
        assertEquals("Trump", praise.p().of(praise.sentence()));
        assertEquals("Kasich", praise.q().of(praise.sentence()));
        List<DyadExample> dyads = read.dyads().subList(0, 2);
        assertEquals(List.of(Polarity.POSITIVE, Polarity.NEUTRAL), dyads.stream().map(DyadExample::stance).toList());
        assertEquals("Trump", dyads.get(0).source().of(praise.sentence()));
        assertEquals("Kasich", dyads.get(1).source().of(praise.sentence()));

        // p is the second bracket here: it is found by its text, and "q negative toward p" is Brussel -> Orban
        DirectedPair rebuke = read.pairs().get(1);
        assertEquals("Officials in Brussels rebuked Orban.", rebuke.sentence());
        assertEquals("Orban", rebuke.p().of(rebuke.sentence()));
        assertEquals("Brussel", rebuke.q().of(rebuke.sentence()));
        List<DyadExample> r = read.dyads().subList(2, 4);
        assertEquals("Orban>Brussel:neutral,Brussel>Orban:negative", r.stream()
                .map(x -> x.source().of(x.sentence()) + ">" + x.target().of(x.sentence()) + ":" + x.stance().label())
                .collect(Collectors.joining(",")));
        assertEquals("", r.get(0).sourceActor(), "Park et al.'s entities are not actors of the dictionary");
        assertEquals("test", r.get(0).split(), "the split comes from Park et al.'s file name");
    }
}
