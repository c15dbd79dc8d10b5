/**
 * The SDK for jig plugins written in Java: implement {@link dev.jig.sdk.JigPlugin} and call
 * {@link dev.jig.sdk.Jig#serve(JigPlugin, String[])} from {@code main}. Nothing here is null
 * unless its documentation says so.
 */
package dev.jig.sdk;
