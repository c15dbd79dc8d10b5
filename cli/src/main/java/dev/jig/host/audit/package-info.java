/**
 * The audit log: one JSON line per plugin execution (run, probe, hook session), appended under
 * a lock, size-bounded with rotation.
 */
package dev.jig.host.audit;
