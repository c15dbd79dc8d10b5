/**
 * Where plugins are looked for and which file a command line selects: the search path, the
 * mapping between command words and file names, longest-match resolution and shadowing.
 */
package dev.jig.host.discovery;
