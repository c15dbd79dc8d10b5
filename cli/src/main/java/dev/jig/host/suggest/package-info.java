/** "Did you mean" for mistyped commands. */
package dev.jig.host.suggest;
