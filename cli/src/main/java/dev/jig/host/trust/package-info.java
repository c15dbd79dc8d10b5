/**
 * Who may run: a policy per plugin source, and the user's record of plugins trusted one by one,
 * each pinned to the SHA-256 of its content.
 */
package dev.jig.host.trust;
