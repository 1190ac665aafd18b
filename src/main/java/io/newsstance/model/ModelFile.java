package io.newsstance.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsstance.api.BadInputException;
import io.newsstance.encoder.BaseEncoder;
import io.newsstance.encoder.EncoderDelta;
import io.newsstance.encoder.EncoderIdentity;
import io.newsstance.encoder.TokenEncoder;
import io.newsstance.io.AtomicFile;
import io.newsstance.io.Json;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes a {@link StanceModel} as one zip file holding everything needed to predict:
 * <pre>
 *   model.json                  format, labels, feature settings, encoder identity, entry checksums, model card
 *   stance-network.zip          DL4J MultiLayerNetwork (ModelSerializer)
 *   stance-standardizer.bin     feature means and standard deviations
 *   sentiment-network.zip       (optional) sentence sentiment network
 *   sentiment-standardizer.bin
 *   dyad-network.zip            (optional) dyad head: A's stance toward B over the same encoder pass
 *   dyad-standardizer.bin
 * </pre>
 * The dyad entries are optional within format version 2: a file without them loads as a model without dyads,
 * and an older newsstance reading a file with them ignores them.
 * Loading checks the format and version, every entry's sha256 and the encoder's identity, and fails with a
 * message naming the file and the problem; a model never silently runs on the wrong encoder.
 */
public final class ModelFile {

    public static final String FORMAT = "newsstance-stance-model";
    /** 2 adds fine-tuned encoders (encoder.base, encoder-weights.bin); version 1 files are still read. */
    public static final int FORMAT_VERSION = 2;
    static final String ENCODER_WEIGHTS = "encoder-weights.bin";
    static final String DYAD_NETWORK = "dyad-network.zip";
    static final String DYAD_STANDARDIZER = "dyad-standardizer.bin";

    private ModelFile() {
    }

    public static void write(StanceModel model, Path file) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try {
            entries.put("stance-network.zip", networkBytes(model.stanceNetwork()));
            entries.put("stance-standardizer.bin", standardizerBytes(model.stanceStandardizer()));
            if (model.featurizer().encoder().delta().isPresent()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (DataOutputStream data = new DataOutputStream(bytes)) {
                    model.featurizer().encoder().delta().get().write(data);
                }
                entries.put(ENCODER_WEIGHTS, bytes.toByteArray());
            }
            if (model.sentimentNetwork().isPresent()) {
                entries.put("sentiment-network.zip", networkBytes(model.sentimentNetwork().get()));
                entries.put("sentiment-standardizer.bin", standardizerBytes(model.sentimentStandardizer()));
            }
            if (model.dyadHead().isPresent()) {
                entries.put(DYAD_NETWORK, networkBytes(model.dyadHead().get().network()));
                entries.put(DYAD_STANDARDIZER, standardizerBytes(model.dyadHead().get().standardizer()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the model: " + e.getMessage(), e);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("format_version", FORMAT_VERSION);
        json.put("labels", StanceModel.LABELS);
        EncoderIdentity encoder = model.featurizer().encoder().identity();
        Map<String, Object> encoderJson = new LinkedHashMap<>();
        encoderJson.put("name", encoder.name());
        encoderJson.put("sha256", encoder.sha256());
        model.featurizer().encoder().delta().ifPresent(d -> {
            encoderJson.put("base", Map.of("name", d.base().name(), "sha256", d.base().sha256()));
            encoderJson.put("weights", ENCODER_WEIGHTS);
            encoderJson.put("replaced_weights", d.halves().size());
            encoderJson.put("encoding", "binary16 differences from the base");
            encoderJson.put("replaced_parameters", d.parameters());
        });
        json.put("encoder", encoderJson);
        FeatureSettings f = model.featurizer().settings();
        json.put("features", Map.of("sentence", f.sentence(), "cls", f.cls(), "context_window", f.contextWindow(),
                "pair", f.pair(), "target_segment", f.targetSegment()));
        json.put("feature_dimension", model.featurizer().dimension());
        model.dyadHead().ifPresent(h -> json.put("dyads", Map.of("features", h.settings().key(), "between",
                h.settings().between(), "stance", h.settings().stance(),
                "feature_dimension", model.dyadFeaturizer().orElseThrow().dimension())));
        Map<String, String> sums = new LinkedHashMap<>();
        entries.forEach((name, bytes) -> sums.put(name, sha256(bytes)));
        json.put("entries", sums);
        json.put("card", Json.MAPPER.convertValue(model.card(), new TypeReference<Map<String, Object>>() {
        }));
        AtomicFile.write(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("model.json"));
                zip.write(Json.pretty(json).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
        });
    }

    /**
     * The pretrained encoder a model file was trained on ({@code encoder.base.name}, or {@code encoder.name} for
     * a frozen-encoder model), so that the caller loads that base before {@link #read}. A file that cannot be read
     * as a model gives the default base: {@link #read} then says what is wrong with it. Throws {@link
     * BadInputException} when the named encoder is unknown or missing from this build.
     */
    public static BaseEncoder baseEncoder(byte[] modelBytes, String name) {
        JsonNode json = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(modelBytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("model.json")) {
                    json = Json.MAPPER.readTree(zip.readAllBytes());
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            return BaseEncoder.MINILM_L6;
        }
        if (json == null) {
            return BaseEncoder.MINILM_L6;
        }
        JsonNode encoder = json.path("encoder");
        String id = (encoder.has("base") ? encoder.path("base") : encoder).path("name").asText("");
        BaseEncoder base = BaseEncoder.byId(id).orElseThrow(() -> new BadInputException(name + ": trained on "
                + "encoder '" + id + "', which this newsstance does not know (it runs " + java.util.Arrays.stream(
                BaseEncoder.values()).map(BaseEncoder::id).collect(java.util.stream.Collectors.joining(", ")) + ")"));
        if (!base.available()) {
            throw new BadInputException(name + ": trained on encoder " + id + ", which this build lacks: it comes "
                    + "with " + base.artifact());
        }
        return base;
    }

    /** {@link #baseEncoder(byte[], String)} of a file; the default base when it cannot be read. */
    public static BaseEncoder baseEncoder(Path file) {
        try {
            return baseEncoder(Files.readAllBytes(file), file.toString());
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException b) {
                throw b;
            }
            return BaseEncoder.MINILM_L6;
        }
    }

    /** Loads {@code file} for use with {@code encoder}; throws {@link BadInputException} with the reason. */
    public static StanceModel read(Path file, TokenEncoder encoder) {
        if (Files.isDirectory(file)) {
            throw new BadInputException(file + ": is a directory, not a model file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), encoder);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such model file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read model file: " + e.getMessage());
        }
    }

    public static StanceModel read(InputStream in, String name, TokenEncoder encoder) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new BadInputException(name + ": corrupt or truncated model file (" + firstLine(e.getMessage()) + ")");
        }
        byte[] jsonBytes = entries.get("model.json");
        if (jsonBytes == null) {
            throw new BadInputException(name + ": not a newsstance model file (no model.json entry"
                    + (entries.isEmpty() ? "; the file is empty, truncated or not a zip" : "") + ")");
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(jsonBytes);
        } catch (IOException e) {
            throw new BadInputException(name + ": corrupt model.json (" + firstLine(e.getMessage()) + ")");
        }
        if (!FORMAT.equals(json.path("format").asText())) {
            throw new BadInputException(name + ": not a newsstance stance model (format '" + json.path("format").asText() + "')");
        }
        if (!json.path("format_version").canConvertToInt() && !json.path("format_version").isTextual()) {
            throw new BadInputException(name + ": model.json has no format_version: not a model this newsstance "
                    + "can read");
        }
        int version = json.path("format_version").asInt(-1);
        if (version != FORMAT_VERSION && version != 1) {
            throw new BadInputException(name + ": model format version " + version + " is not supported by this "
                    + "newsstance (it reads versions 1 and " + FORMAT_VERSION + "); retrain the model or use a matching release");
        }
        JsonNode sums = json.path("entries");
        for (var it = sums.fields(); it.hasNext(); ) {
            var e = it.next();
            byte[] bytes = entries.get(e.getKey());
            if (bytes == null) {
                throw new BadInputException(name + ": corrupt model file: entry " + e.getKey() + " is missing");
            }
            if (!sha256(bytes).equals(e.getValue().asText())) {
                throw new BadInputException(name + ": corrupt model file: checksum of " + e.getKey() + " does not match");
            }
        }
        JsonNode base = json.path("encoder").has("base") ? json.path("encoder").path("base") : json.path("encoder");
        String expectedSha = base.path("sha256").asText();
        EncoderIdentity actual = encoder.identity();
        if (!expectedSha.equals(actual.sha256())) {
            throw new BadInputException(name + ": model was trained on encoder " + base.path("name").asText()
                    + " (sha256 " + abbreviate(expectedSha) + "), but this newsstance runs " + actual.name()
                    + " (sha256 " + abbreviate(actual.sha256()) + "); retrain the model for this encoder");
        }
        TokenEncoder modelEncoder = encoder;
        if (json.path("encoder").has("base")) {
            modelEncoder = fineTunedEncoder(name, json.path("encoder"), entries.get(ENCODER_WEIGHTS), encoder);
        }
        JsonNode f = json.path("features");
        FeatureSettings settings;
        try {
            settings = new FeatureSettings(f.path("sentence").asBoolean(), f.path("cls").asBoolean(),
                    f.path("context_window").asInt(), f.path("pair").asBoolean(false),
                    f.path("target_segment").asBoolean(false));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(name + ": corrupt model.json: bad feature settings (" + e.getMessage() + ")");
        }
        StanceFeaturizer featurizer = new StanceFeaturizer(modelEncoder, settings);
        if (featurizer.dimension() != json.path("feature_dimension").asInt()) {
            throw new BadInputException(name + ": feature dimension " + json.path("feature_dimension").asInt()
                    + " does not match the encoder's (" + featurizer.dimension() + ")");
        }
        try {
            MultiLayerNetwork stance = network(entries.get("stance-network.zip"));
            Standardizer stanceStd = standardizer(entries.get("stance-standardizer.bin"));
            MultiLayerNetwork sentiment = entries.containsKey("sentiment-network.zip")
                    ? network(entries.get("sentiment-network.zip")) : null;
            Standardizer sentimentStd = sentiment == null ? null : standardizer(entries.get("sentiment-standardizer.bin"));
            ModelCard card = Json.MAPPER.treeToValue(json.path("card"), ModelCard.class);
            checkShapes(name, featurizer, stance, stanceStd, sentiment, sentimentStd);
            DyadHead dyads = dyadHead(name, json.path("dyads"), entries, modelEncoder);
            return new StanceModel(featurizer, stance, stanceStd, sentiment, sentimentStd, card, dyads);
        } catch (BadInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(name + ": corrupt model file (" + firstLine(e.getMessage()) + ")");
        }
    }

    /**
     * The networks and standardisers must fit the features the settings produce and give three classes: else the
     * model would fail on the first article, or worse, standardise features with another model's statistics.
     */
    private static void checkShapes(String name, StanceFeaturizer featurizer, MultiLayerNetwork stance,
                                    Standardizer stanceStd, MultiLayerNetwork sentiment, Standardizer sentimentStd) {
        check(name, "stance network", stance, stanceStd, featurizer.dimension());
        if (sentiment != null) {
            check(name, "sentiment network", sentiment, sentimentStd, featurizer.sentenceDimension());
        }
    }

    private static void check(String name, String what, MultiLayerNetwork network, Standardizer std, int features) {
        int in = network.layerInputSize(0);
        int out = network.layerSize(network.getnLayers() - 1);
        if (in != features || out != StanceModel.LABELS.size() || std.mean().length != features) {
            throw new BadInputException(name + ": corrupt model file: the " + what + " takes " + in + " features and "
                    + "gives " + out + " classes, its standardiser has " + std.mean().length + " features; the "
                    + "settings give " + features + " features and there are " + StanceModel.LABELS.size() + " labels");
        }
    }

    /** The dyad head the file holds, checked against its recorded settings, or null if it has none. */
    private static DyadHead dyadHead(String name, JsonNode json, Map<String, byte[]> entries, TokenEncoder encoder)
            throws IOException {
        if (json.isMissingNode() && !entries.containsKey(DYAD_NETWORK)) {
            return null;
        }
        if (json.isMissingNode() || !entries.containsKey(DYAD_NETWORK) || !entries.containsKey(DYAD_STANDARDIZER)) {
            throw new BadInputException(name + ": corrupt model file: the dyad head is incomplete (model.json 'dyads' "
                    + "and the entries " + DYAD_NETWORK + " and " + DYAD_STANDARDIZER + " go together)");
        }
        DyadFeatureSettings settings = new DyadFeatureSettings(json.path("between").asBoolean(),
                json.path("stance").asBoolean(false));
        int dimension = settings.dimension(encoder.dimension());
        if (!settings.key().equals(json.path("features").asText()) || dimension != json.path("feature_dimension").asInt()) {
            throw new BadInputException(name + ": the dyad head reads '" + json.path("features").asText() + "' ("
                    + json.path("feature_dimension").asInt() + " features), which this newsstance does not make");
        }
        MultiLayerNetwork network = network(entries.get(DYAD_NETWORK));
        Standardizer std = standardizer(entries.get(DYAD_STANDARDIZER));
        check(name, "dyad network", network, std, dimension);
        return new DyadHead(network, std, settings);
    }

    /** The base encoder with the model's fine-tuned weights, checked against the encoder the model recorded. */
    private static TokenEncoder fineTunedEncoder(String name, JsonNode json, byte[] weightsEntry, TokenEncoder base) {
        if (weightsEntry == null) {
            throw new BadInputException(name + ": corrupt model file: entry " + ENCODER_WEIGHTS + " is missing");
        }
        EncoderDelta delta;
        try {
            delta = EncoderDelta.read(new DataInputStream(new ByteArrayInputStream(weightsEntry)), base.identity(),
                    base::weight);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException(name + ": corrupt model file: " + ENCODER_WEIGHTS + " (" + e.getMessage() + ")");
        }
        TokenEncoder tuned;
        try {
            tuned = base.withDelta(json.path("name").asText(), delta);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(name + ": corrupt model file: " + ENCODER_WEIGHTS + " does not fit the base "
                    + "encoder (" + e.getMessage() + ")");
        }
        if (!tuned.identity().sha256().equals(json.path("sha256").asText())) {
            throw new BadInputException(name + ": corrupt model file: the fine-tuned weights do not rebuild the "
                    + "encoder the model recorded (sha256 " + abbreviate(json.path("sha256").asText()) + ")");
        }
        return tuned;
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message);
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }

    private static String abbreviate(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
    }

    private static byte[] networkBytes(MultiLayerNetwork network) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, out, false);
        return out.toByteArray();
    }

    private static MultiLayerNetwork network(byte[] bytes) throws IOException {
        if (bytes == null) {
            throw new IOException("network entry missing");
        }
        return ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes), false);
    }

    private static byte[] standardizerBytes(Standardizer s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(out)) {
            s.write(data);
        }
        return out.toByteArray();
    }

    private static Standardizer standardizer(byte[] bytes) throws IOException {
        if (bytes == null) {
            throw new IOException("standardizer entry missing");
        }
        return Standardizer.read(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    public static String sha256(byte[] bytes) {
        return io.newsstance.io.Checksums.sha256(bytes);
    }

}
