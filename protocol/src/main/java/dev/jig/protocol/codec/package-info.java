/**
 * The JSON Lines codec: one JSON-RPC message per line, bounded in length, depth and string size;
 * a bad line becomes one protocol error and the stream stays usable.
 */
package dev.jig.protocol.codec;
