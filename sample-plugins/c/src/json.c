#include "json.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* The deepest nesting of arrays and objects the protocol allows (PROTOCOL.md §8). */
#define MAX_DEPTH 64

static const char *skip_value(const char *p, const char *end, int depth);

static const char *skip_space(const char *p, const char *end) {
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        p++;
    return p;
}

static int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Reads the four hex digits of a \u escape at p; -1 if they are not there. */
static long hex4(const char *p, const char *end) {
    long code = 0;
    if (end - p < 4) return -1;
    for (int i = 0; i < 4; i++) {
        int d = hex_digit(p[i]);
        if (d < 0) return -1;
        code = code * 16 + d;
    }
    return code;
}

/* Past the closing quote of the string at p, or NULL if it is not a valid string. */
static const char *skip_string(const char *p, const char *end) {
    if (p >= end || *p != '"') return NULL;
    for (p++; p < end; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '"') return p + 1;
        if (c < 0x20) return NULL;
        if (c == '\\') {
            if (++p >= end) return NULL;
            if (*p == 'u') {
                if (hex4(p + 1, end) < 0) return NULL;
                p += 4;
            } else if (!strchr("\"\\/bfnrt", *p)) {
                return NULL;
            }
        }
    }
    return NULL;
}

static const char *skip_digits(const char *p, const char *end, int *count) {
    *count = 0;
    while (p < end && *p >= '0' && *p <= '9') {
        p++;
        (*count)++;
    }
    return p;
}

static const char *skip_number(const char *p, const char *end) {
    int n;
    if (p < end && *p == '-') p++;
    if (p < end && *p == '0') {
        p++;
    } else {
        p = skip_digits(p, end, &n);
        if (n == 0) return NULL;
    }
    if (p < end && *p == '.') {
        p = skip_digits(p + 1, end, &n);
        if (n == 0) return NULL;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < end && (*p == '+' || *p == '-')) p++;
        p = skip_digits(p, end, &n);
        if (n == 0) return NULL;
    }
    return p;
}

/* Skips an object or an array, whose opening bracket is at p. */
static const char *skip_container(const char *p, const char *end, int depth) {
    char close = *p == '{' ? '}' : ']';
    if (depth > MAX_DEPTH) return NULL;
    p = skip_space(p + 1, end);
    if (p < end && *p == close) return p + 1;
    for (;;) {
        if (close == '}') {
            p = skip_string(p, end);
            if (!p) return NULL;
            p = skip_space(p, end);
            if (p >= end || *p != ':') return NULL;
            p++;
        }
        p = skip_value(p, end, depth);
        if (!p) return NULL;
        p = skip_space(p, end);
        if (p < end && *p == close) return p + 1;
        if (p >= end || *p != ',') return NULL;
        p = skip_space(p + 1, end);
    }
}

static const char *skip_literal(const char *p, const char *end, const char *word) {
    size_t n = strlen(word);
    return (size_t)(end - p) >= n && memcmp(p, word, n) == 0 ? p + n : NULL;
}

/* Past the value that starts at or after p, or NULL if there is no valid value. */
static const char *skip_value(const char *p, const char *end, int depth) {
    p = skip_space(p, end);
    if (p >= end) return NULL;
    switch (*p) {
    case '{':
    case '[': return skip_container(p, end, depth + 1);
    case '"': return skip_string(p, end);
    case 't': return skip_literal(p, end, "true");
    case 'f': return skip_literal(p, end, "false");
    case 'n': return skip_literal(p, end, "null");
    default: return skip_number(p, end);
    }
}

bool json_parse(const char *text, size_t length, json_value *value) {
    const char *end = text + length;
    const char *start = skip_space(text, end);
    const char *stop = skip_value(start, end, 0);
    if (!stop || skip_space(stop, end) != end) return false;
    value->start = start;
    value->end = stop;
    return true;
}

bool json_is(json_value value, char c) {
    return value.start < value.end && *value.start == c;
}

/* Appends code point `code` to out as UTF-8; false if it does not fit. */
static bool put_utf8(unsigned long code, char *out, size_t size, size_t *n) {
    char bytes[4];
    size_t count;
    if (code < 0x80) {
        bytes[0] = (char)code;
        count = 1;
    } else if (code < 0x800) {
        bytes[0] = (char)(0xC0 | code >> 6);
        bytes[1] = (char)(0x80 | (code & 0x3F));
        count = 2;
    } else if (code < 0x10000) {
        bytes[0] = (char)(0xE0 | code >> 12);
        bytes[1] = (char)(0x80 | (code >> 6 & 0x3F));
        bytes[2] = (char)(0x80 | (code & 0x3F));
        count = 3;
    } else {
        bytes[0] = (char)(0xF0 | code >> 18);
        bytes[1] = (char)(0x80 | (code >> 12 & 0x3F));
        bytes[2] = (char)(0x80 | (code >> 6 & 0x3F));
        bytes[3] = (char)(0x80 | (code & 0x3F));
        count = 4;
    }
    if (*n + count >= size) return false;
    memcpy(out + *n, bytes, count);
    *n += count;
    return true;
}

/* The code point of the \u escape at p (just after the 'u'), joining a surrogate pair. */
static unsigned long unicode_escape(const char **p, const char *end) {
    unsigned long code = (unsigned long)hex4(*p, end);
    *p += 4;
    if (code >= 0xD800 && code < 0xDC00 && end - *p >= 6 && (*p)[0] == '\\' && (*p)[1] == 'u') {
        long low = hex4(*p + 2, end);
        if (low >= 0xDC00 && low < 0xE000) {
            *p += 6;
            return 0x10000 + ((code - 0xD800) << 10) + ((unsigned long)low - 0xDC00);
        }
    }
    /* A lone surrogate is not a character: it becomes U+FFFD, as in most decoders. */
    return code >= 0xD800 && code < 0xE000 ? 0xFFFD : code;
}

/* Decodes the string at value into out; stops at the first character that does not fit. */
static bool decode_string(json_value value, char *out, size_t size) {
    static const char escapes[] = "\"\"\\\\//b\bf\fn\nr\rt\t"; /* each escape letter, then its character */
    size_t n = 0;
    if (!json_is(value, '"') || size == 0) return false;
    for (const char *p = value.start + 1; p < value.end - 1;) {
        if (*p != '\\') {
            if (n + 1 >= size) return false;
            out[n++] = *p++;
        } else if (p[1] == 'u') {
            p += 2;
            if (!put_utf8(unicode_escape(&p, value.end), out, size, &n)) return false;
        } else {
            if (n + 1 >= size) return false;
            out[n++] = strchr(escapes, p[1])[1];
            p += 2;
        }
    }
    out[n] = '\0';
    return true;
}

bool json_string(json_value value, char *out, size_t size) {
    if (decode_string(value, out, size)) return true;
    if (size > 0) out[0] = '\0'; /* never half a string, which could end inside a character */
    return false;
}

bool json_get(json_value object, const char *key, json_value *member) {
    char name[256];
    const char *p;
    if (!json_is(object, '{')) return false;
    p = skip_space(object.start + 1, object.end);
    while (p < object.end && *p == '"') {
        json_value k = {p, skip_string(p, object.end)};
        const char *v = skip_space(skip_space(k.end, object.end) + 1, object.end); /* past ':' */
        const char *after = skip_value(v, object.end, 0);
        if (json_string(k, name, sizeof name) && strcmp(name, key) == 0) {
            member->start = v;
            member->end = after;
            return true;
        }
        p = skip_space(after, object.end);
        if (p < object.end && *p == ',') p = skip_space(p + 1, object.end);
    }
    return false;
}

bool json_item(json_value array, size_t index, json_value *item) {
    const char *p;
    if (!json_is(array, '[')) return false;
    p = skip_space(array.start + 1, array.end);
    for (size_t i = 0; p < array.end && *p != ']'; i++) {
        const char *after = skip_value(p, array.end, 0);
        if (i == index) {
            item->start = p;
            item->end = after;
            return true;
        }
        p = skip_space(after, array.end);
        if (p < array.end && *p == ',') p = skip_space(p + 1, array.end);
    }
    return false;
}

bool json_long(json_value value, long *out) {
    char text[32];
    char *stop;
    size_t n = (size_t)(value.end - value.start);
    if (n == 0 || n >= sizeof text || memchr(value.start, '.', n) || memchr(value.start, 'e', n) ||
        memchr(value.start, 'E', n) || !(*value.start == '-' || (*value.start >= '0' && *value.start <= '9')))
        return false;
    memcpy(text, value.start, n);
    text[n] = '\0';
    errno = 0;
    *out = strtol(text, &stop, 10);
    return errno == 0 && *stop == '\0';
}

bool json_true(json_value value) {
    return value.end - value.start == 4 && memcmp(value.start, "true", 4) == 0;
}

void json_write_string(FILE *out, const char *s) {
    putc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (c < 0x20)
                fprintf(out, "\\u%04x", c);
            else
                putc(c, out);
        }
    }
    putc('"', out);
}
