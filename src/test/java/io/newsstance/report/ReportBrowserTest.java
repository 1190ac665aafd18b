package io.newsstance.report;

import io.newsstance.output.ArticleRow;
import io.newsstance.output.SentenceRow;
import io.newsstance.robustness.Cli;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The report in a real browser: headless Chromium opens the file written by the real {@code report} command, and
 * the test reads from the DOM after the scripts ran that every chart was drawn and that the page counted no script
 * or console error, and leaves a screenshot at {@code target/report-screenshot.png}.
 *
 * <p>Without Chromium the test is skipped, unless {@code -Dnewsstance.requireChromium=true} (CI sets it and installs
 * Chromium), where a missing browser fails it: CI must not pass by skipping. {@code -Dnewsstance.chromium=PATH}
 * names the binary.
 */
class ReportBrowserTest {

    private static final Path SCREENSHOT = Path.of("target", "report-screenshot.png");

    static Optional<Path> chromium() {
        String named = System.getProperty("newsstance.chromium");
        if (named != null) {
            return Optional.of(Path.of(named)).filter(Files::isExecutable);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Forty days of three actors in two sources, each sentence with three dyads, an undated article, hostile text
     * and a javascript: URL.
     */
    static void corpus(Path sentences, Path articles) throws IOException {
        List<SentenceRow> rows = new ArrayList<>();
        List<ArticleRow> arts = new ArrayList<>();
        LocalDate day = LocalDate.of(2025, 3, 1);
        for (int i = 0; i < 80; i++) {
            String id = "art-" + i;
            String date = day.plusDays(i / 2).toString();
            String source = i % 2 == 0 ? "Wire A" : "Daily Globe";
            double r = Math.sin(i) * 0.6;
            rows.add(ScoreRowsFixture.withDyads(ScoreRowsFixture.sentence(id, date, source, 0, 0,
                    "Moscow and Beijing met as Washington watched.", "RUSSIA", "Moscow", Math.round((r - 0.3) * 1e4) / 1e4,
                    "CHINA", "Beijing", Math.round(r * 1e4) / 1e4, "USA", "Washington",
                    Math.round((0.2 - r / 2) * 1e4) / 1e4), "RUSSIA>CHINA", Math.round((0.3 + r / 2) * 1e4) / 1e4,
                    "USA>RUSSIA", Math.round((-0.4 - r / 2) * 1e4) / 1e4, "CHINA>USA", Math.round(-r * 1e4) / 1e4));
            arts.add(ScoreRowsFixture.article(id, date, source, "https://example.com/" + id, List.of()));
        }
        rows.add(ScoreRowsFixture.sentence("hostile", "2025-03-05", "Wire A", 3, 200, ReportCommandTest.HOSTILE,
                "RUSSIA", "Russia", -0.99));
        arts.add(ScoreRowsFixture.article("hostile", "2025-03-05", "Wire A", "javascript:alert(1)", List.of()));
        rows.add(ScoreRowsFixture.sentence("undated", "", "", 0, 0, "Russia and China signed.", "RUSSIA", "Russia",
                0.4, "CHINA", "China", 0.5));
        ScoreRowsFixture.jsonl(sentences, rows);
        ScoreRowsFixture.jsonl(articles, arts);
    }

    @Test
    void everyChartRendersWithoutScriptErrorsInHeadlessChromium(@TempDir Path dir) throws Exception {
        Optional<Path> browser = chromium();
        if (browser.isEmpty()) {
            if (Boolean.getBoolean("newsstance.requireChromium")) {
                fail("newsstance.requireChromium=true but no chromium on PATH (apt-get install -y chromium)");
            }
            Assumptions.abort("no chromium on PATH; CI installs it and sets -Dnewsstance.requireChromium=true");
        }
        Path sentences = dir.resolve("sentences.jsonl");
        Path articles = dir.resolve("articles.jsonl");
        corpus(sentences, articles);
        Path html = dir.resolve("report.html");
        Cli.Result r = Cli.run("report", "--out", html.toString(), "--title", "Browser test <i>report</i>",
                sentences.toString(), articles.toString());
        r.assertNoCrash();
        assertEquals(0, r.exit(), r.stderr());

        String[] dom = chrome(browser.get(), dir, "--dump-dom", html);
        String page = dom[0];
        Matcher rendered = Pattern.compile("data-charts-rendered=\"(\\d+)\"").matcher(page);
        Matcher expected = Pattern.compile("data-charts-expected=\"(\\d+)\"").matcher(page);
        assertTrue(rendered.find() && expected.find(), "the script never finished rendering: " + dom[1]);
        assertEquals("6", expected.group(1), "three actors' time charts, the heatmap, the dyad matrix and a pair's chart");
        assertEquals(expected.group(1), rendered.group(1), "every chart rendered");
        assertTrue(page.contains("data-script-errors=\"0\""), "script or console errors: " + dom[1]);
        assertFalse(dom[1].contains("Uncaught"), dom[1]);
        assertEquals(6, count(page, "<svg"), "an SVG per chart");
        assertFalse(page.contains("<img"), "hostile text became an element");
        assertTrue(page.contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"), "hostile text shown as text");
        assertFalse(page.contains("href=\"javascript:"), "a javascript: URL became a link");
        assertTrue(page.contains("href=\"https://example.com/art-"), "evidence links to its article");
        assertTrue(page.contains("<mark>Moscow</mark>"), "the mention is marked");
        assertTrue(page.contains("Browser test &lt;i&gt;report&lt;/i&gt;"), "the title is text");
        assertTrue(page.contains("had no date"), "the undated count is stated");
        assertTrue(page.contains("<section id=\"dyads\" data-status=\"ok\""), "the dyad view is drawn");
        assertTrue(page.contains("data-chart=\"dyad-matrix\""), "the A x B matrix");
        assertEquals(3, count(page, "class=\"dyad-cell"), "a cell per pair read, the diagonal and the rest empty");
        assertEquals(6, count(page, "class=\"diagonal\"") + count(page, "class=\"no-dyad\""), "3 x 3 less the pairs");
        assertTrue(page.contains("<table id=\"dyad-table\">"), "the table of top pairs");
        assertEquals(3, count(page, "<tr class=\"pair"), "a row per pair");
        assertTrue(page.contains("data-chart=\"dyad-timeline\""), "the picked pair's mean over time");
        assertTrue(page.matches("(?s).*<mark class=\"src\">(Moscow|Beijing|Washington)</mark>.*"), "source marked");
        assertTrue(page.matches("(?s).*<mark class=\"tgt\">(Moscow|Beijing|Washington)</mark>.*"), "target marked");

        Files.deleteIfExists(SCREENSHOT);
        Files.createDirectories(SCREENSHOT.getParent());
        chrome(browser.get(), dir, "--screenshot=" + SCREENSHOT.toAbsolutePath(), html);
        assertTrue(Files.size(SCREENSHOT) > 20_000, "a screenshot with content: " + Files.size(SCREENSHOT));

        // Rows without dyads (a model without a dyad head): the section says so, and no script error.
        Path plain = ScoreRowsFixture.jsonl(dir.resolve("plain.jsonl"), ReportCommandTest.known());
        Path plainHtml = dir.resolve("plain.html");
        assertEquals(0, Cli.run("report", "--out", plainHtml.toString(), plain.toString()).exit());
        String[] none = chrome(browser.get(), dir, "--dump-dom", plainHtml);
        assertTrue(none[0].contains("data-script-errors=\"0\""), "script or console errors: " + none[1]);
        assertTrue(none[0].contains("<section id=\"dyads\" data-status=\"empty\""), none[0]);
        assertTrue(none[0].contains("No dyads in the input (the model has no dyad head, or no sentence had two "
                + "actors)."), "the empty dyad view says why");
    }

    private static int count(String s, String what) {
        return s.split(Pattern.quote(what), -1).length - 1;
    }

    /** Runs headless Chromium on {@code html} with a fresh profile; returns {stdout, stderr}. */
    private static String[] chrome(Path browser, Path dir, String action, Path html) throws Exception {
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        Path out = dir.resolve("chromium.out");
        Path err = dir.resolve("chromium.err");
        Process p = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                "--window-size=1400,3800", action, html.toUri().toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish in 120 s: " + Files.readString(err));
        }
        return new String[]{Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8)};
    }
}
