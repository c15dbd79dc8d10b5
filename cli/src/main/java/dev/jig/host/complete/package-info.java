/**
 * Shell completion: the scripts bash, zsh and fish load, and the engine behind the hidden
 * {@code __complete} command they all ask for candidates.
 */
package dev.jig.host.complete;
