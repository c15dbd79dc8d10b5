/**
 * {@code plugins doctor}: gathers the facts about every plugin and the search path once, then
 * runs small checks over them, each turning one kind of fault into findings with a fix.
 */
package dev.jig.host.doctor;
