/**
 * Plugin management: installs, upgrades, uninstalls and links plugins in the user plugin
 * directory, and keeps the lock file that records them.
 *
 * <p>Every installed plugin lives in a store directory of its own,
 * {@code <data>/plugins/<name>/<version>-<digest>/}, which appears whole: it is prepared in a
 * staging directory and renamed into place. The user plugin directory holds one symbolic link per
 * installed plugin, pointing into the store; switching versions renames a new link over the old
 * one, so a plugin is always the previous version or the next, never half of either, whatever
 * happens to the process. The links are the truth; the lock file is written from them after
 * each change and repaired from them when a killed install left it behind.
 */
package dev.jig.host.install;
