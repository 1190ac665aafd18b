package io.newsstance.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.newsstance.io.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes the report as one HTML file with its styles, script and data inline, so it opens from a mail attachment
 * or a file share with no network ({@code report-dyads.js}, the dyad view, goes inside {@code report.js}'s scope,
 * where it uses the same helpers). The data is JSON in a {@code <script type="application/json">} block, read by
 * the page with {@code JSON.parse}; the page builds every element from it with {@code textContent} and
 * attributes, never by pasting text into HTML, so a sentence from the news cannot become markup or script.
 */
public final class ReportPage {

    private static final String RESOURCES = "/newsstance/report/";
    private static final ObjectMapper MAPPER = Json.MAPPER.copy()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private ReportPage() {
    }

    /** The whole page for {@code data}. */
    public static String html(ReportData data) {
        String template = resource("report.html");
        return template
                .replace("/*STYLE*/", resource("report.css"))
                .replace("/*SCRIPT*/", resource("report.js").replace("/*DYADS*/", resource("report-dyads.js")))
                .replace("{{DATA}}", scriptJson(data));
    }

    /**
     * {@code data} as JSON that is safe inside a {@code <script>} element: every {@code <}, {@code >} and
     * {@code &} is written as a JSON escape ({@code \u003c} …), so no text can close the element ({@code </script>})
     * or open a comment ({@code <!--}); U+2028 and U+2029 are escaped too. These characters occur only inside JSON
     * strings, where the escapes mean the same characters, so {@code JSON.parse} gives the original text back.
     */
    static String scriptJson(Object data) {
        String json;
        try {
            json = MAPPER.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report data as JSON", e);
        }
        StringBuilder b = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> b.append("\\u003c");
                case '>' -> b.append("\\u003e");
                case '&' -> b.append("\\u0026");
                case '\u2028' -> b.append("\\u2028");
                case '\u2029' -> b.append("\\u2029");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String resource(String name) {
        try (InputStream in = ReportPage.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
