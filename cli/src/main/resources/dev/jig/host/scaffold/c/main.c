/*
 * @name@: a @cli@ plugin. `@cli@ @command@ hello [--shout] [NAME]` greets; started with
 * @protocol@ it speaks the @cli@ plugin protocol (JSON-RPC 2.0, one message per line).
 * Fields are picked out of each line by hand, enough for what @cli@ sends in protocol
 * version 1; a plugin that reads richer messages would use a JSON parser.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The plugin's metadata (keep it in step with plugin.json). */
static const char METADATA[] =
    "{\"name\":\"@name@\",\"version\":\"0.1.0\",\"description\":\"Say hello (a C plugin)\",\"usage\":\"COMMAND\","
    "\"commands\":[{\"name\":\"hello\",\"summary\":\"greet someone\",\"usage\":\"[--shout] [NAME]\","
    "\"flags\":[{\"name\":\"--shout\",\"short\":\"-s\",\"summary\":\"greet loudly\"}]}],\"hooks\":[\"prerun\"]}";

/* Run mode: the user's command, with the user's arguments. */
static int run(int argc, char **argv) {
    if (argc < 2 || strcmp(argv[1], "hello") != 0) {
        fprintf(stderr, "usage: @cli@ @command@ hello [--shout] [NAME]\n");
        return 2;
    }
    int shout = 0;
    const char *name = "world";
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--shout") == 0 || strcmp(argv[i], "-s") == 0) {
            shout = 1;
        } else {
            name = argv[i];
        }
    }
    char greeting[1024];
    snprintf(greeting, sizeof greeting, "Hello, %s!", name);
    for (char *c = greeting; shout && *c; c++) {
        *c = (char) toupper((unsigned char) *c);
    }
    puts(greeting);
    return 0;
}

/*
 * Finds the raw JSON value of "key": in line (a string with its quotes, a number or an array)
 * and copies it into value; returns 0 when there is none or it does not fit.
 */
static int field(const char *line, const char *key, char *value, size_t size) {
    char quoted[64];
    snprintf(quoted, sizeof quoted, "\"%s\"", key);
    const char *p = strstr(line, quoted);
    if (p == NULL) {
        return 0;
    }
    p += strlen(quoted);
    while (isspace((unsigned char) *p)) p++;
    if (*p++ != ':') {
        return 0;
    }
    while (isspace((unsigned char) *p)) p++;
    const char *end = p;
    if (*p == '"') {
        for (end = p + 1; *end && *end != '"'; end++) {
            if (*end == '\\' && end[1]) end++;
        }
        if (*end++ != '"') return 0;
    } else if (*p == '[') {
        end = strchr(p, ']');
        if (end++ == NULL) return 0;
    } else {
        end = p + strcspn(p, ",}");
        while (end > p && isspace((unsigned char) end[-1])) end--;
    }
    if (end == p || (size_t) (end - p) >= size) {
        return 0;
    }
    memcpy(value, p, (size_t) (end - p));
    value[end - p] = '\0';
    return 1;
}

/* Whether the JSON array text offered, e.g. "[1,2]", holds the version 1. */
static int offers_1(const char *offered) {
    for (const char *p = offered; (p = strchr(p, '1')) != NULL; p++) {
        if (!isdigit((unsigned char) p[-1]) && !isdigit((unsigned char) p[1])) return 1;
    }
    return 0;
}

/* Protocol mode: answer each request on stdin until end of file; stdout carries replies only. */
static int serve(void) {
    char *line = NULL;
    size_t capacity = 0;
    char method[256], id[256], offered[256];
    while (getline(&line, &capacity, stdin) != -1) {
        /* A line without a method is a stray reply; one without an id is a notification. */
        if (!field(line, "method", method, sizeof method) || !field(line, "id", id, sizeof id)) {
            continue;
        }
        printf("{\"jsonrpc\":\"2.0\",\"id\":%s,", id);
        if (strcmp(method, "\"initialize\"") == 0) {
            if (!field(line, "protocolVersions", offered, sizeof offered)) {
                printf("\"error\":{\"code\":-32602,\"message\":\"invalid params: protocolVersions\"}}\n");
            } else if (offers_1(offered)) {
                printf("\"result\":{\"protocolVersion\":1,\"plugin\":%s}}\n", METADATA);
            } else {
                printf("\"error\":{\"code\":-32000,\"message\":\"no common protocol version; @name@ speaks [1]\","
                       "\"data\":{\"offered\":%s,\"supported\":[1]}}}\n", offered);
            }
        } else if (strcmp(method, "\"hook\"") == 0) {
            /* Only prerun arrives: the metadata lists no other event. */
            printf("\"result\":{\"action\":\"continue\",\"env\":{\"@hookvar@\":\"prerun\"}}}\n");
        } else {
            printf("\"error\":{\"code\":-32601,\"message\":\"method not found\"}}\n");
        }
        fflush(stdout);
    }
    free(line);
    return 0;
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "@protocol@") == 0) {
        return serve();
    }
    return run(argc, argv);
}
