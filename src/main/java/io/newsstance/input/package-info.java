/**
 * Reading articles: the readers for TXT, JSON Lines and CSV (streamed, every record read or rejected with its reason), the input formats, and the one article-text rule ({@link io.newsstance.input.ArticleTextRule}) that the readers, {@code score} and the Spark job all apply.
 */
package io.newsstance.input;
