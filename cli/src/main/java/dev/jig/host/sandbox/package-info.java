/**
 * How a plugin is confined: its sandbox profile and what the user granted it (run under
 * bubblewrap on Linux), and the environment it inherits.
 */
package dev.jig.host.sandbox;
