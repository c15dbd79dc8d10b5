/*
 * Just enough JSON for the jig protocol: a validating reader over text in memory (no tree, no
 * allocation) and a string writer. A value is a slice of the text; members and items are
 * found by skipping over what comes before them, so unknown fields, escapes and nesting (up to
 * the protocol's 64 levels) are handled like any JSON parser would.
 */
#ifndef JSON_H
#define JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/** One JSON value: the text from `start` up to (not including) `end`. */
typedef struct {
    const char *start;
    const char *end;
} json_value;

/** Checks that text[0..length) is exactly one JSON value (surrounding blanks allowed). */
bool json_parse(const char *text, size_t length, json_value *value);

/** The member `key` of an object; false if absent or if `object` is not an object. */
bool json_get(json_value object, const char *key, json_value *member);

/** The item at `index` of an array; false if absent or if `array` is not an array. */
bool json_item(json_value array, size_t index, json_value *item);

/** Decodes a string value into out (UTF-8, NUL-terminated); false (out empty) if not a string or too long. */
bool json_string(json_value value, char *out, size_t size);

/** An integer value (no fraction, no exponent) that fits in a long. */
bool json_long(json_value value, long *out);

/** True for the literal `true`. */
bool json_true(json_value value);

/** True when the value starts with `c`: '{' object, '[' array, '"' string, 'n' null. */
bool json_is(json_value value, char c);

/** Writes s as a JSON string, quotes and escapes included. */
void json_write_string(FILE *out, const char *s);

#endif
