package io.newsstance.data;

import io.newsstance.api.Polarity;
import io.newsstance.api.Span;

import java.util.Optional;

/**
 * One labelled training example: a sentence, one target span in it, and the stance of the sentence toward that
 * target. Both the team corpus (CSV) and NewsMTSC (JSON Lines) are read into this type.
 *
 * @param id         unique id of the (sentence, target) pair
 * @param sentenceId id of the sentence; pairs of one sentence share it
 * @param sentence   the sentence text
 * @param target     character span of the target mention in {@code sentence}, end-exclusive
 * @param actor      actor id when the target is a known actor (team corpus), empty for NewsMTSC persons
 * @param aliasKind  alias kind of the mention (csv name), or empty
 * @param stance     gold stance toward the target
 * @param sentiment  gold sentiment of the whole sentence, if annotated
 * @param split      train, dev, test, or empty when the file carries no split
 * @param source     where the example was read: "file:line"
 */
public record StanceExample(String id, String sentenceId, String sentence, Span target, Optional<String> actor,
                            String aliasKind, Polarity stance, Optional<Polarity> sentiment, String split,
                            String source) {

    public String mention() {
        return target.of(sentence);
    }
}
