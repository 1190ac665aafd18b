/**
 * newsstance: stance of news sentences toward political actors. The entry point for Java code is {@link io.newsstance.StanceClassifier}; the values it takes and returns are in {@link io.newsstance.api}, so an embedding program imports the classifier and that package.
 */
package io.newsstance;
