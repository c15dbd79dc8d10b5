/**
 * Publisher signatures: Ed25519 signatures over a plugin's SHA-256, kept in a detached file
 * beside it, checked against the public keys the user trusts.
 */
package dev.jig.host.signature;
