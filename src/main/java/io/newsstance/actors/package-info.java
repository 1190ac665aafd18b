/**
 * The actor dictionary (actors, their aliases and alias kinds, user overrides) and the mention finder that locates actors in sentences as character spans.
 */
package io.newsstance.actors;
