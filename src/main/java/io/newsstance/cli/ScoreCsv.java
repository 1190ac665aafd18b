package io.newsstance.cli;

import io.newsstance.io.Decimals;
import io.newsstance.output.Level;
import io.newsstance.output.ResultRows;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code score --format csv}: CSV is flat, so a sentence's mentions become "ACTOR:stance:score" joined by "|" (its
 * dyads "SOURCE>TARGET:stance:score"), and an article gives a row per actor (its dyad table is in the JSON Lines
 * output and in {@code --level dyad}).
 */
final class ScoreCsv {

    private ScoreCsv() {
    }

    static List<String> header(Level lvl) {
        return switch (lvl) {
            case MENTION -> ResultRows.MENTION_FIELDS;
            case DYAD -> ResultRows.DYAD_FIELDS;
            case SENTENCE -> ResultRows.SENTENCE_FIELDS;
            case ARTICLE -> {
                List<String> h = new ArrayList<>(articleFields());
                h.addAll(ResultRows.ACTOR_FIELDS);
                yield h;
            }
        };
    }

    /** The article row's own fields: all but the nested actors and dyads. */
    private static List<String> articleFields() {
        return ResultRows.ARTICLE_FIELDS.stream().filter(f -> !f.equals("actors") && !f.equals("dyads")).toList();
    }

    @SuppressWarnings("unchecked")
    static void print(Map<String, Object> row, Level lvl, CSVPrinter csv) throws IOException {
        switch (lvl) {
            case MENTION, DYAD -> csv.printRecord(header(lvl).stream().map(f -> Decimals.cell(row.get(f))).toList());
            case SENTENCE -> {
                List<Object> values = new ArrayList<>();
                for (String f : ResultRows.SENTENCE_FIELDS) {
                    Object v = row.get(f);
                    if (f.equals("mentions")) {
                        v = ((List<Map<String, Object>>) v).stream()
                                .map(m -> m.get("actor") + ":" + m.get("stance") + ":" + Decimals.cell(m.get("score")))
                                .collect(Collectors.joining("|"));
                    } else if (f.equals("dyads")) {
                        v = ((List<Map<String, Object>>) v).stream()
                                .map(d -> d.get("source_actor") + ">" + d.get("target_actor") + ":" + d.get("stance")
                                        + ":" + Decimals.cell(d.get("score")))
                                .collect(Collectors.joining("|"));
                    }
                    values.add(Decimals.cell(v));
                }
                csv.printRecord(values);
            }
            case ARTICLE -> {
                List<Object> base = new ArrayList<>();
                for (String f : articleFields()) {
                    base.add(Decimals.cell(row.get(f)));
                }
                List<Map<String, Object>> actors = (List<Map<String, Object>>) row.get("actors");
                if (actors.isEmpty()) {
                    List<Object> values = new ArrayList<>(base);
                    ResultRows.ACTOR_FIELDS.forEach(f -> values.add(null));
                    csv.printRecord(values);
                }
                for (Map<String, Object> a : actors) {
                    List<Object> values = new ArrayList<>(base);
                    ResultRows.ACTOR_FIELDS.forEach(f -> values.add(Decimals.cell(a.get(f))));
                    csv.printRecord(values);
                }
            }
        }
    }
}
