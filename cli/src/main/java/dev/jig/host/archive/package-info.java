/**
 * Unpacking plugin archives ({@code .tar.gz}, {@code .zip}, plain tar) into a staging directory,
 * refusing every entry that could write, or point, outside it, special files, and archives that
 * expand past a limit.
 */
package dev.jig.host.archive;
