/**
 * Layered configuration: TOML files (system, user, project), environment variables and
 * {@code -c} flags merged as RFC 7386 JSON Merge Patches over plugin defaults, with the origin of
 * every value, per-plugin namespaces checked against each plugin's JSON Schema, and atomic,
 * locked writes of one file.
 */
package dev.jig.host.config;
