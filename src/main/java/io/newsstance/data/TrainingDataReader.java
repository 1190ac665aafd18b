package io.newsstance.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsstance.api.BadInputException;
import io.newsstance.api.Polarity;
import io.newsstance.api.Span;
import io.newsstance.io.CsvTable;
import io.newsstance.io.Json;
import io.newsstance.io.TextFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads labelled examples from the newsstance stance CSV and from NewsMTSC JSON Lines. Each row is checked
 * (labels, offsets inside the sentence, the mention text matching the offsets); a bad row is reported, not
 * read. Whole-file problems (invalid UTF-8, a bad header) are reported as the file's only problem.
 */
public final class TrainingDataReader {

    /** Columns of the stance CSV. */
    public static final Set<String> REQUIRED = Set.of("sentence_id", "text", "start", "end", "stance");
    public static final Set<String> OPTIONAL = Set.of("pair_id", "split", "mention", "actor", "alias_kind",
            "sentiment", "topic", "register");
    private static final Set<String> SPLITS = Set.of("train", "dev", "test");
    /**
     * The longest labelled sentence, in characters (the longest in NewsMTSC has about 6,300): a longer text is
     * rather a whole article, or a missing closing quote that swallowed the rows after it.
     */
    public static final int MAX_TEXT_CHARS = 20_000;

    private static String tooLong(int chars) {
        return String.format(java.util.Locale.ROOT, "is %,d characters long; a labelled sentence may have at most "
                + "%,d (a whole article, or a missing closing quote?)", chars, MAX_TEXT_CHARS);
    }

    public TrainingFile read(Path file) {
        TrainingFormat format = TrainingFormat.of(file).orElseThrow(() -> new BadInputException(
                file + ": unknown training-data format (expected .csv or .jsonl)"));
        String content;
        try {
            content = TextFiles.readUtf8(file);
        } catch (BadInputException e) {
            return new TrainingFile(file, List.of(), e.problems(), 0);
        }
        return format == TrainingFormat.CSV ? readCsv(file, content) : readNewsMtsc(file, content);
    }

    /** Every file's examples; throws with all problems if any file has one. */
    public List<StanceExample> readAll(List<Path> files) {
        List<StanceExample> all = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            TrainingFile tf = read(f);
            all.addAll(tf.examples());
            problems.addAll(tf.problems());
        }
        FileProblems.throwIfAny(problems, " (run 'newsstance data check')");
        return all;
    }

    TrainingFile readCsv(Path file, String content) {
        CsvTable table;
        try {
            table = CsvTable.parse(file.toString(), content, REQUIRED, OPTIONAL);
        } catch (BadInputException e) {
            return new TrainingFile(file, List.of(), e.problems(), 0);
        }
        List<StanceExample> examples = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String problem = table.fieldCountProblem(row);
            if (problem == null) {
                problem = csvRowProblem(row);
            }
            if (problem != null) {
                problems.add(problem);
                continue;
            }
            String text = row.get("text");
            Span target = new Span(Integer.parseInt(row.get("start").strip()), Integer.parseInt(row.get("end").strip()));
            String sentenceId = row.get("sentence_id").strip();
            String pairId = row.get("pair_id").isBlank() ? sentenceId + "@" + target.start() + "-" + target.end()
                    : row.get("pair_id").strip();
            String actor = row.get("actor").strip();
            examples.add(new StanceExample(pairId, sentenceId, text, target,
                    actor.isEmpty() ? Optional.empty() : Optional.of(actor), row.get("alias_kind").strip(),
                    Polarity.parse(row.get("stance")).orElseThrow(), Polarity.parse(row.get("sentiment")),
                    row.get("split").strip(), row.where()));
        }
        if (table.fatal() != null) {
            problems.add(table.fatal());
        }
        return new TrainingFile(file, examples, problems, table.rows().size() + (table.fatal() != null ? 1 : 0));
    }

    /**
     * The checks every labelled-sentence CSV row gets (stance and dyad files): a sentence_id, a non-empty text
     * without NUL and at most {@link #MAX_TEXT_CHARS} long; null if it passes.
     */
    static String sentenceProblem(CsvTable.Row row) {
        String where = row.where() + ": ";
        String text = row.get("text");
        if (row.get("sentence_id").isBlank()) {
            return where + "empty sentence_id";
        }
        if (text.isBlank()) {
            return where + "empty text";
        }
        if (text.indexOf('\0') >= 0) {
            return where + "text contains a NUL character";
        }
        if (text.length() > MAX_TEXT_CHARS) {
            return where + "text " + tooLong(text.length());
        }
        return null;
    }

    private static String csvRowProblem(CsvTable.Row row) {
        String sentence = sentenceProblem(row);
        if (sentence != null) {
            return sentence;
        }
        String where = row.where() + ": ";
        String text = row.get("text");
        int start;
        int end;
        try {
            start = Integer.parseInt(row.get("start").strip());
            end = Integer.parseInt(row.get("end").strip());
        } catch (NumberFormatException e) {
            return where + "start and end must be integers, got '" + row.get("start") + "' and '" + row.get("end") + "'";
        }
        if (start < 0 || end <= start || end > text.length()) {
            return where + "span [" + start + ", " + end + ") is not inside the text (length " + text.length() + ")";
        }
        String mention = row.get("mention");
        if (!mention.isEmpty() && !text.substring(start, end).equals(mention)) {
            return where + "text[" + start + ":" + end + "] is '" + text.substring(start, end) + "', not the mention '"
                    + mention + "'";
        }
        if (Polarity.parse(row.get("stance")).isEmpty()) {
            return where + "stance '" + row.get("stance") + "' is not negative, neutral or positive";
        }
        if (!row.get("sentiment").isBlank() && Polarity.parse(row.get("sentiment")).isEmpty()) {
            return where + "sentiment '" + row.get("sentiment") + "' is not negative, neutral or positive";
        }
        String split = row.get("split").strip();
        if (!split.isEmpty() && !SPLITS.contains(split)) {
            return where + "split '" + split + "' is not train, dev or test";
        }
        if (!row.get("actor").isBlank() && !row.get("actor").strip().matches("[A-Z][A-Z0-9_]*")) {
            return where + "actor '" + row.get("actor") + "' is not an upper-case actor id";
        }
        return null;
    }

    TrainingFile readNewsMtsc(Path file, String content) {
        List<StanceExample> examples = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int rows = 0;
        int lineNo = 0;
        for (String line : content.split("\n", -1)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            rows++;
            String where = file + ":" + lineNo;
            JsonNode node;
            try {
                node = Json.MAPPER.readTree(line);
            } catch (IOException e) {
                problems.add(where + ": not valid JSON");
                continue;
            }
            JsonNode sentenceNode = node.get("sentence_normalized");
            JsonNode targets = node.get("targets");
            if (sentenceNode == null || !sentenceNode.isTextual() || targets == null || !targets.isArray()) {
                problems.add(where + ": expected a NewsMTSC object with \"sentence_normalized\" (string) and \"targets\" (array)");
                continue;
            }
            String sentence = sentenceNode.asText();
            if (sentence.length() > MAX_TEXT_CHARS) {
                problems.add(where + ": \"sentence_normalized\" " + tooLong(sentence.length()));
                continue;
            }
            String sentenceId = node.hasNonNull("primary_gid") ? node.get("primary_gid").asText() : where;
            List<StanceExample> fromLine = new ArrayList<>();
            String problem = null;
            Optional<Polarity> sentiment = node.hasNonNull("sentiment")
                    ? Polarity.parse(node.get("sentiment").asText()) : Optional.empty();
            if (node.hasNonNull("sentiment") && sentiment.isEmpty()) {
                problem = where + ": sentiment '" + node.get("sentiment").asText()
                        + "' is not negative, neutral or positive";
            }
            int t = 0;
            for (JsonNode target : problem == null ? targets : Json.MAPPER.createArrayNode()) {
                t++;
                JsonNode from = target.get("from");
                JsonNode to = target.get("to");
                JsonNode polarity = target.get("polarity");
                if (from == null || !from.canConvertToInt() || to == null || !to.canConvertToInt() || polarity == null
                        || !polarity.isNumber()) {
                    problem = where + ": target " + t + " needs integer \"from\", \"to\" and numeric \"polarity\"";
                    break;
                }
                int s = from.asInt();
                int e = to.asInt();
                if (s < 0 || e <= s || e > sentence.length()) {
                    problem = where + ": target " + t + " span [" + s + ", " + e + ") is not inside the sentence";
                    break;
                }
                if (target.hasNonNull("mention") && !sentence.substring(s, e).equals(target.get("mention").asText())) {
                    problem = where + ": target " + t + " text[" + s + ":" + e + "] is '" + sentence.substring(s, e)
                            + "', not the mention '" + target.get("mention").asText() + "'";
                    break;
                }
                Optional<Polarity> label = switch ((int) Math.round(polarity.asDouble())) {
                    case 2 -> Optional.of(Polarity.NEGATIVE);
                    case 4 -> Optional.of(Polarity.NEUTRAL);
                    case 6 -> Optional.of(Polarity.POSITIVE);
                    default -> Optional.empty();
                };
                if (label.isEmpty()) {
                    problem = where + ": target " + t + " polarity " + polarity.asText() + " is not 2, 4 or 6";
                    break;
                }
                String id = target.hasNonNull("Input.gid") ? sentenceId + "#" + target.get("Input.gid").asText()
                        : sentenceId + "#" + t;
                // realnews adds an actor id per target and the sentence's sentiment; NewsMTSC has neither.
                Optional<String> actor = target.hasNonNull("actor") ? Optional.of(target.get("actor").asText())
                        : Optional.empty();
                fromLine.add(new StanceExample(id, sentenceId, sentence, new Span(s, e), actor, "",
                        label.get(), sentiment, "", where));
            }
            if (problem != null) {
                problems.add(problem);
            } else {
                examples.addAll(fromLine);
            }
        }
        if (rows == 0) {
            problems.add(file + ": empty file (expected NewsMTSC JSON Lines: one object per line)");
        }
        return new TrainingFile(file, examples, problems, rows);
    }
}
