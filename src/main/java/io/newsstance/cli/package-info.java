/**
 * The command line (picocli): thin subcommands over the library, with shared options as mixins and exit codes 0 ok, 1 bad input, 2 usage error, 3 internal error.
 */
package io.newsstance.cli;
