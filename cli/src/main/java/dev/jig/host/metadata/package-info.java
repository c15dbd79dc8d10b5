/**
 * What each plugin says about itself, and whether it may run: manifests read without starting a
 * process, the handshake probe for executables, a cache keyed by file fingerprint, and
 * validation of names and requirements.
 */
package dev.jig.host.metadata;
