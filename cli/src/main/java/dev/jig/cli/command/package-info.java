/**
 * The reference CLI's built-in commands, on picocli. The only package that imports picocli: each
 * command parses its options, asks the host, renders, and returns an exit status.
 */
package dev.jig.cli.command;
