package io.newsstance.actors;

import io.newsstance.api.AliasKind;

/**
 * A surface form that refers to an actor.
 *
 * @param actorId the actor referred to
 * @param text    the exact, case-sensitive surface string, without a leading "the"
 * @param kind    how it refers
 * @param backref for persons, the short form ("Putin", "Kim") that refers back to them later in the same
 *                article once the full name has appeared; empty otherwise
 * @param years   years in office, e.g. "2000-2008;2012-"; empty if not a person
 * @param note    free text (office held, …)
 */
public record Alias(String actorId, String text, AliasKind kind, String backref, String years, String note) {
}
