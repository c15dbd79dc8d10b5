/** Tracing: one line per step of an invocation, with its time, for a user who wants to know why. */
package dev.jig.host.trace;
