/** The conformance checker behind {@code plugins test}: runs a plugin and checks it against the protocol. */
package dev.jig.host.conformance;
