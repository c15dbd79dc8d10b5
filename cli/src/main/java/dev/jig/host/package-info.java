/**
 * The embeddable plugin host: resolves a command line to a built-in or a plugin executable and
 * runs the plugin as a child process. Nothing here knows the name of the CLI that embeds it; the
 * name and version arrive in {@link dev.jig.host.HostSettings}.
 */
package dev.jig.host;
