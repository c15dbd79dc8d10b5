/**
 * Fetching one plugin artifact or index document over {@code http:}, {@code https:} or
 * {@code file:}, with a SHA-256 computed while streaming, limits on size and stalls, and progress
 * shown as a bar on a terminal or as plain lines otherwise.
 */
package dev.jig.host.download;
