package io.newsstance.encoder;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A base encoder's wordpiece tokenizer (HuggingFace's Rust tokenizer, run by DJL) with character offsets into the
 * original text: {@link Wordpieces} of a sentence or of a sentence pair, truncated to
 * {@link MiniLmEncoder#MAX_WORDPIECES}.
 *
 * <p>Thread-safe: the Rust tokenizer only reads its configuration while encoding.
 *
 * <p>Offline: DJL's tokenizers jar ships its native library for linux-x86_64 (and others) and extracts it once to
 * its cache dir ({@code ~/.djl.ai/tokenizers}, or {@code DJL_CACHE_DIR}). It would download a CUDA build instead
 * when it sees a GPU, and it pings a telemetry URL on EC2; DJL offline mode ({@code ai.djl.offline=true}) turns
 * both off and is set by {@link #load} unless the caller set {@code ai.djl.offline} or {@code DJL_OFFLINE}.
 */
final class WordpieceTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;

    private WordpieceTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** The base encoder's tokenizer from the classpath, in DJL offline mode. */
    static WordpieceTokenizer load(BaseEncoder base) {
        useDjlOfflineMode();
        return new WordpieceTokenizer(loadTokenizer(base));
    }

    /** [CLS] text [SEP], or [CLS] text [SEP] second [SEP]; char spans only for {@code text}'s wordpieces. */
    Wordpieces tokenize(String text, String second) {
        // adds [CLS]/[SEP], truncates to 128, no padding
        Encoding encoding = second == null ? tokenizer.encode(text) : tokenizer.encode(text, second);
        long[] ids = encoding.getIds();
        long[] types = encoding.getTypeIds();
        CharSpan[] spans = encoding.getCharTokenSpans();
        long[] special = encoding.getSpecialTokenMask();
        int[] start = new int[ids.length];
        int[] end = new int[ids.length];
        int[] cpToChar = codePointToCharIndex(text);
        for (int t = 0; t < ids.length; t++) {
            if (spans[t] == null || special[t] != 0 || types[t] != 0) {
                start[t] = -1;
                end[t] = -1;
            } else {
                // The Rust tokenizer counts code points; Java strings index UTF-16 chars (they differ after an emoji).
                start[t] = cpToChar == null ? spans[t].getStart() : cpToChar[spans[t].getStart()];
                end[t] = cpToChar == null ? spans[t].getEnd() : cpToChar[spans[t].getEnd()];
            }
        }
        return new Wordpieces(text, ids, types, start, end, encoding.exceedMaxLength());
    }

    /** Code point index to UTF-16 index (one past the end included), or null when the two agree. */
    private static int[] codePointToCharIndex(String text) {
        int codePoints = text.codePointCount(0, text.length());
        if (codePoints == text.length()) {
            return null;
        }
        int[] map = new int[codePoints + 1];
        int charIndex = 0;
        for (int cp = 0; cp < codePoints; cp++) {
            map[cp] = charIndex;
            charIndex += Character.charCount(text.codePointAt(charIndex));
        }
        map[codePoints] = charIndex;
        return map;
    }

    private static HuggingFaceTokenizer loadTokenizer(BaseEncoder base) {
        // Explicit options: truncation at 128 (special tokens included) and no padding (the tokenizer.json asks
        // for fixed 128; we pad per batch instead). No Java-side lowercasing: it would change the text and so the
        // char offsets (the Rust BertNormalizer lowercases and strips accents keeping offsets). This overload
        // reads no tokenizer_config.json, so DJL's other Java-side rewrites (stripAccents, addPrefixSpace) stay off.
        Map<String, String> options = new HashMap<>();
        options.put("addSpecialTokens", "true");
        options.put("truncation", "true");
        options.put("maxLength", Integer.toString(MiniLmEncoder.MAX_WORDPIECES));
        options.put("padding", "false");
        options.put("doLowerCase", "false");
        try (InputStream in = ClasspathResources.open(base.tokenizerResource(), base.artifact())) {
            return HuggingFaceTokenizer.newInstance(in, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + base.tokenizerResource(), e);
        }
    }

    private static void useDjlOfflineMode() {
        if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
