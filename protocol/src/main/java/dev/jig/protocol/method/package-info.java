/** The params and results of each protocol method, as records. */
package dev.jig.protocol.method;
