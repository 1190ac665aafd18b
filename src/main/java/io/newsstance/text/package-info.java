/**
 * Text: articles and their readers, the one article-text rule, sentence splitting and tokenisation, all with end-exclusive character spans into the original text.
 */
package io.newsstance.text;
