/** {@code jig wordcount}: the sample plugin written with the Java SDK. */
package dev.jig.sample.wordcount;
