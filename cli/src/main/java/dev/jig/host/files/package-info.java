/** File operations the host's caches, routes and settings share. */
package dev.jig.host.files;
