/** The SDK for writing jig plugins in Java. */
package dev.jig.sdk;
