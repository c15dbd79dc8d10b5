/**
 * The jig plugin protocol: message records and the JSON Lines codec shared by the host and the
 * plugin SDKs. It starts no processes and opens no files.
 */
package dev.jig.protocol;
