/**
 * Running a plugin's command: a child process that inherits the terminal, receives the signals
 * sent to the host, and whose exit status becomes the host's.
 */
package dev.jig.host.exec;
