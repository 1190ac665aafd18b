package io.newsstance.encoder;

/**
 * A sentence (or sentence pair) as the encoder's tokenizer cuts it.
 *
 * @param text      the (first) text
 * @param ids       wordpiece ids, [CLS] first
 * @param typeIds   segment of each wordpiece (0 for the first text, 1 for the second)
 * @param charStart first char (UTF-16 index into {@code text}) of each wordpiece, -1 for special tokens and for
 *                  the second segment
 * @param charEnd   end (exclusive) of each wordpiece, -1 likewise
 * @param truncated true if wordpieces were cut to fit the encoder
 */
public record Wordpieces(String text, long[] ids, long[] typeIds, int[] charStart, int[] charEnd, boolean truncated) {

    public int length() {
        return ids.length;
    }
}
