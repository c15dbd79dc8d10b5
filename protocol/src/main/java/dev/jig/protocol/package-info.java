/**
 * The jig plugin protocol: JSON-RPC 2.0 messages exchanged one per line with a plugin started
 * with {@link dev.jig.protocol.Protocol#ARGUMENT}. No processes, no files: the host and the SDKs
 * bring their own streams.
 */
package dev.jig.protocol;
