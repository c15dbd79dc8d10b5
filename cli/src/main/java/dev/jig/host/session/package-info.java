/**
 * A protocol conversation with one plugin process: JSON Lines on its stdin and stdout, its
 * stderr kept for diagnostics, every read bounded by a deadline, and a shutdown that leaves no
 * process of its tree behind.
 */
package dev.jig.host.session;
