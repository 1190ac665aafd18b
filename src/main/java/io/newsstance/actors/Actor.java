package io.newsstance.actors;

/**
 * A political actor.
 *
 * @param id   upper-case identifier, e.g. USA, DPRK, NATO
 * @param name display name
 * @param kind state, igo, non_state, or any kind a user file introduces
 */
public record Actor(String id, String name, String kind) {
}
