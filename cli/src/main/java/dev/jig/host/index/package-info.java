/**
 * Plugin indexes: the JSON documents that list plugins, their versions and per-platform
 * artifacts ({@link dev.jig.host.index.Index}), several of them in configured order
 * ({@link dev.jig.host.index.Indexes}), and the choice of what to install for what the user asks
 * ({@link dev.jig.host.index.Resolver}). Pure logic: nothing here reads files or the network.
 */
package dev.jig.host.index;
