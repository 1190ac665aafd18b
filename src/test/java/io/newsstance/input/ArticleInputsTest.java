package io.newsstance.input;

import io.newsstance.api.Article;
import io.newsstance.input.ArticleFormat;
import io.newsstance.input.ArticleInputs;
import io.newsstance.input.ArticleRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleInputsTest {

    private static List<ArticleRecord> readAll(List<String> inputs, String stdin, ArticleFormat format) {
        List<ArticleRecord> out = new ArrayList<>();
        try (ArticleInputs in = new ArticleInputs(inputs,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), format)) {
            in.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void txtFileIsOneArticleWithItsFirstLineAsTitle(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("kremlin.txt");
        Files.writeString(f, "\n  Kremlin rejects U.S. claims\n\nMOSCOW (Reuters) - The Kremlin said...\n");
        List<ArticleRecord> records = readAll(List.of(f.toString()), "", ArticleFormat.TXT);
        Article a = assertInstanceOf(ArticleRecord.Read.class, records.get(0)).article();
        assertEquals("kremlin.txt", a.id());
        assertEquals("Kremlin rejects U.S. claims", a.title());
        assertEquals(Files.readString(f), a.text(), "offsets point into the file's own text");
    }

    @Test
    void jsonlRecordsAreReadOrRejectedWithTheirLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.jsonl");
        Files.writeString(f, """
                {"id":"a1","title":"T","text":"Seoul protested.","date":"2024-05-01","source":"Wire"}
                {"id":7,"text":"Tokyo agreed."}
                {"id":"a3","text":42}
                not json

                {"title":"no text"}
                [1,2]
                """);
        List<ArticleRecord> r = readAll(List.of(f.toString()), "", ArticleFormat.TXT);
        assertEquals(6, r.size());
        Article first = assertInstanceOf(ArticleRecord.Read.class, r.get(0)).article();
        assertEquals("2024-05-01", first.date());
        assertEquals("7", assertInstanceOf(ArticleRecord.Read.class, r.get(1)).article().id());
        assertEquals(new ArticleRecord.Rejected(f + ":3", "field \"text\" must be a string, not number"), r.get(2));
        assertTrue(((ArticleRecord.Rejected) r.get(3)).reason().startsWith("not valid JSON"));
        assertEquals(f + ":4", r.get(3).location());
        assertEquals(new ArticleRecord.Rejected(f + ":6", "missing field \"text\""), r.get(4));
        assertEquals(f + ":7", r.get(5).location());
    }

    @Test
    void csvRowsWithWrongFieldCountsAreRejectedAndAnUnclosedQuoteEndsTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.csv");
        Files.writeString(f, "id,title,text\nc1,Title,\"Beijing said, firmly, no.\"\nc2,only two\nc3,x,\"\"\nc4,x,\"never closed\n");
        List<ArticleRecord> r = readAll(List.of(f.toString()), "", ArticleFormat.TXT);
        assertEquals("Beijing said, firmly, no.", assertInstanceOf(ArticleRecord.Read.class, r.get(0)).article().text());
        assertEquals(new ArticleRecord.Rejected(f + ":3", "has 2 fields, the header has 3"), r.get(1));
        assertEquals(new ArticleRecord.Rejected(f + ":4", "empty text"), r.get(2));
        ArticleRecord.Rejected last = assertInstanceOf(ArticleRecord.Rejected.class, r.get(3));
        assertTrue(last.reason().contains("never closed"), last.reason());
        assertEquals(4, r.size());
    }

    @Test
    void directoriesAreWalkedAndBadPathsAreRejectedNotLost(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b.txt"), "B\n\nBody b.");
        Files.writeString(dir.resolve("a.txt"), "A\n\nBody a.");
        Files.writeString(dir.resolve("notes.md"), "# not an article");
        Files.write(dir.resolve("bin.txt"), new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1});
        Files.writeString(dir.resolve(".hidden.txt"), "skipped");
        List<ArticleRecord> r = readAll(List.of(dir.toString(), dir.resolve("missing.txt").toString()), "", ArticleFormat.TXT);
        List<String> where = r.stream().map(x -> x.location().replace(dir.toString(), "D")).toList();
        assertEquals(List.of("D/a.txt", "D/bin.txt", "D/notes.md", "D/sub/b.txt", "D/missing.txt"), where);
        assertInstanceOf(ArticleRecord.Rejected.class, r.get(1));
        assertInstanceOf(ArticleRecord.Rejected.class, r.get(2));
        assertEquals("no such file or directory", ((ArticleRecord.Rejected) r.get(4)).reason());
    }

    @Test
    void standardInputIsReadInTheGivenFormat() {
        List<ArticleRecord> r = readAll(List.of("-"), "{\"text\":\"Kyiv thanked Warsaw.\"}\n", ArticleFormat.JSONL);
        Article a = assertInstanceOf(ArticleRecord.Read.class, r.get(0)).article();
        assertEquals("-:1", a.id());
    }
}
