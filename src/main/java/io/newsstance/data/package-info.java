/**
 * Labelled training data: readers for the team corpus (CSV) and NewsMTSC/realnews JSON Lines, checks, statistics and the label balance, dev carves (by sentence, by page) and actor swaps for augmentation and the swap check.
 */
package io.newsstance.data;
