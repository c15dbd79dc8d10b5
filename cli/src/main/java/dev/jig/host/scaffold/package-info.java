/**
 * Starts new plugins: {@code <cli> plugins new NAME --lang LANG} writes a ready protocol plugin,
 * from templates kept as resources beside these classes, into a plugin directory.
 */
package dev.jig.host.scaffold;
