/**
 * Files and formats shared by every part: atomic writes, CSV, JSON, strict UTF-8 text and the one SHA-256.
 */
package io.newsstance.io;
