/**
 * What a plugin says about itself: the {@code initialize} result and the static manifest share
 * these records.
 */
package dev.jig.protocol.metadata;
