/**
 * A harness for unit-testing jig plugins written with the SDK: {@link
 * dev.jig.sdk.testkit.PluginTestKit} talks the protocol to a plugin in-process, or runs its
 * command with captured streams. Nothing here is null unless its documentation says so.
 */
package dev.jig.sdk.testkit;
