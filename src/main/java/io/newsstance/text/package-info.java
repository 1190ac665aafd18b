/**
 * Text: sentence splitting and tokenisation, with end-exclusive character spans into the original text.
 */
package io.newsstance.text;
