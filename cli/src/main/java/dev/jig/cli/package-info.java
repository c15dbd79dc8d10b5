/**
 * The reference CLI: routes a command line to a built-in or to the plugin host. Only
 * {@link dev.jig.cli.Main} names the CLI; everything here takes the name from the host settings.
 */
package dev.jig.cli;
