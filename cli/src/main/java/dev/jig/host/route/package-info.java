/**
 * Routes: a dispatch decision written down for the launcher script, which can then start the
 * same plugin without a JVM for as long as nothing the decision depended on has changed.
 */
package dev.jig.host.route;
