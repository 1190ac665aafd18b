/**
 * newsstance: stance of news sentences toward political actors. The entry point for Java code is {@link io.newsstance.scoring.StanceClassifier}; {@link io.newsstance.Polarity} and {@link io.newsstance.BadInputException} are the values and the error every part shares.
 */
package io.newsstance;
