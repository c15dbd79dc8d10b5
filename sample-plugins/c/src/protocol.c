#include "protocol.h"

#include <stdlib.h>
#include <string.h>

#define MAX_LINE (1 << 20) /* bytes, not counting the newline (§8) */

/* Reads one line into buf (NUL-terminated, newline dropped). Returns its length, -1 at end of
 * input, or -2 for a line over the limit, which is consumed and skipped. */
static long read_line(FILE *in, char *buf) {
    long n = 0;
    int c;
    while ((c = getc(in)) != EOF && c != '\n') {
        if (n == MAX_LINE) {
            while ((c = getc(in)) != EOF && c != '\n')
                ;
            return -2;
        }
        buf[n++] = (char)c;
    }
    if (c == EOF && n == 0) return -1;
    if (n > 0 && buf[n - 1] == '\r') n--;
    buf[n] = '\0';
    return n;
}

static void reply_start(FILE *out, json_value id) {
    fprintf(out, "{\"jsonrpc\":\"2.0\",\"id\":%.*s,", (int)(id.end - id.start), id.start);
}

static void reply_error(FILE *out, json_value id, int code, const char *message, const char *data) {
    reply_start(out, id);
    fprintf(out, "\"error\":{\"code\":%d,\"message\":", code);
    json_write_string(out, message);
    if (data) fprintf(out, ",\"data\":%s", data);
    fputs("}}\n", out);
}

/* The version this plugin speaks (1) if the host offers it, else an error -32000 (§4.1). */
static void initialize(const plugin *self, json_value id, json_value params, FILE *out) {
    json_value offered, version;
    bool speaks_1 = false;
    if (!json_get(params, "protocolVersions", &offered) || !json_is(offered, '[')) {
        reply_error(out, id, -32602, "initialize needs params.protocolVersions, an array", NULL);
        return;
    }
    for (size_t i = 0; json_item(offered, i, &version); i++) {
        long v;
        speaks_1 |= json_long(version, &v) && v == 1;
    }
    if (speaks_1) {
        reply_start(out, id);
        fprintf(out, "\"result\":{\"protocolVersion\":1,\"plugin\":%s}}\n", self->metadata);
        return;
    }
    int length = (int)(offered.end - offered.start);
    char message[200], data[200];
    snprintf(message, sizeof message, "host offers protocol %.*s; this plugin speaks [1]", length, offered.start);
    if (snprintf(data, sizeof data, "{\"offered\":%.*s,\"supported\":[1]}", length, offered.start) >= (int)sizeof data)
        snprintf(data, sizeof data, "{\"offered\":[],\"supported\":[1]}"); /* an absurd offer: not echoed */
    reply_error(out, id, -32000, message, data);
}

static bool lists(const plugin *self, const char *event) {
    for (const char *const *e = self->hooks; *e; e++)
        if (strcmp(*e, event) == 0) return true;
    return false;
}

/* Answers a hook for a listed event through the plugin's handler; -32601 for any other. */
static void hook(const plugin *self, json_value id, json_value params, FILE *out) {
    char event[64], why[300], message[400];
    json_value value;
    if (!json_get(params, "event", &value) || !json_string(value, event, sizeof event)) {
        reply_error(out, id, -32602, "hook needs params.event, a string", NULL);
        return;
    }
    if (!lists(self, event)) {
        snprintf(message, sizeof message, "hook event not subscribed: %s", event);
        reply_error(out, id, -32601, message, NULL);
        return;
    }
    /* The handler may log before it answers, so the result goes to a buffer first. */
    char *result = NULL;
    size_t size = 0;
    FILE *buffer = open_memstream(&result, &size);
    if (!buffer) {
        reply_error(out, id, -32603, "out of memory", NULL);
        return;
    }
    int status = self->hook(params, buffer, why, sizeof why);
    fclose(buffer);
    if (status == 0) {
        reply_start(out, id);
        fprintf(out, "\"result\":%s}\n", result);
    } else {
        snprintf(message, sizeof message, "%s hook failed: %s", event, why);
        reply_error(out, id, -32603, message, NULL);
    }
    free(result);
}

/* The reply to one message (§3, §4.3): nothing for a notification, a response or junk. */
static void answer(const plugin *self, const char *line, size_t length, FILE *out) {
    static const char no_params[] = "{}";
    json_value message, id, method, params, version;
    char name[256];
    if (!json_parse(line, length, &message) || !json_get(message, "method", &method))
        return; /* not JSON, or a response: this plugin asks nothing */
    long n;
    if (!json_get(message, "id", &id) || !(json_is(id, '"') || json_long(id, &n)))
        return; /* a notification, or an id that cannot be echoed */
    bool has_params = json_get(message, "params", &params);
    if (!json_get(message, "jsonrpc", &version) || !json_string(version, name, sizeof name) ||
        strcmp(name, "2.0") != 0 || !json_is(method, '"') || (has_params && !json_is(params, '{') && !json_is(params, 'n'))) {
        reply_error(out, id, -32600, "not a JSON-RPC 2.0 request", NULL);
        return;
    }
    if (!has_params || json_is(params, 'n')) params = (json_value){no_params, no_params + 2};
    if (!json_string(method, name, sizeof name)) {
        reply_error(out, id, -32601, "method not found", NULL); /* longer than any we know */
    } else if (strcmp(name, "initialize") == 0) {
        initialize(self, id, params, out);
    } else if (strcmp(name, "hook") == 0) {
        hook(self, id, params, out);
    } else {
        char text[300];
        snprintf(text, sizeof text, "method not found: %s", name);
        reply_error(out, id, -32601, text, NULL);
    }
}

int protocol_serve(const plugin *self) {
    char *line = malloc(MAX_LINE + 1);
    long length;
    if (!line) return 1;
    while ((length = read_line(stdin, line)) != -1) {
        if (length < 0) continue; /* over the limit: skipped like a parse error (§8) */
        answer(self, line, (size_t)length, stdout);
        fflush(stdout);
    }
    free(line);
    return 0;
}

void protocol_log(const char *level, const char *message) {
    fputs("{\"jsonrpc\":\"2.0\",\"method\":\"log\",\"params\":{\"level\":", stdout);
    json_write_string(stdout, level);
    fputs(",\"message\":", stdout);
    json_write_string(stdout, message);
    fputs("}}\n", stdout);
    fflush(stdout);
}
