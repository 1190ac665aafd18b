package io.newsstance.encoder;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * One sentence as an encoder sees it.
 *
 * @param text      the sentence as given
 * @param states    {@code states[t]} is the last hidden state of wordpiece t ([CLS] at 0, [SEP] last)
 * @param charStart {@code charStart[t]} is the first char (UTF-16 index into {@code text}) of wordpiece t, or -1
 *                  for a special token
 * @param charEnd   {@code charEnd[t]} is the end (exclusive) of wordpiece t, or -1 for a special token
 * @param truncated true if the sentence had more wordpieces than the encoder takes: its tail is not encoded
 */
public record EncodedSentence(String text, float[][] states, int[] charStart, int[] charEnd, boolean truncated) {

    public EncodedSentence {
        Objects.requireNonNull(text, "text");
        if (states.length != charStart.length || states.length != charEnd.length) {
            throw new IllegalArgumentException("states, charStart and charEnd differ in length: "
                    + states.length + ", " + charStart.length + ", " + charEnd.length);
        }
    }

    /** Number of wordpieces, special tokens included. */
    public int length() {
        return states.length;
    }

    /**
     * The wordpieces whose char span overlaps [start, end), in order; special tokens never match. Empty when the
     * span lies past the truncation (or covers only whitespace).
     */
    public int[] wordpiecesOf(int start, int end) {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
        return IntStream.range(0, states.length)
                .filter(t -> charStart[t] >= 0 && charStart[t] < end && charEnd[t] > start)
                .toArray();
    }

    @Override
    public String toString() {
        return "EncodedSentence[" + states.length + " wordpieces" + (truncated ? ", truncated" : "") + ", text="
                + text + ", charStart=" + Arrays.toString(charStart) + "]";
    }
}
