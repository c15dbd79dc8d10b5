/**
 * Running a plugin's command: a child process that inherits the terminal, receives the signals
 * sent to the host, and whose exit status becomes the host's; and ending a plugin's whole
 * process tree when its time is up.
 */
package dev.jig.host.exec;
