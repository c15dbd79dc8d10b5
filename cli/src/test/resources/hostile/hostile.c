/*
 * Hostile plugins in C, one per behaviour, chosen by the file's name (jig-<behaviour>).
 * In protocol mode each answers like a good plugin until the request named by $HOSTILE_AT
 * (initialize, hook or complete) comes, and misbehaves there. In run mode it says that it ran.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *name;
/* Hooks and completion only when asked for ($HOSTILE_HOOKS, $HOSTILE_COMPLETION), so that a probe
 * is only a probe. */
static const char *hooks = "";
static const char *completion = "false";

static void answer(const char *method, long id) {
    if (strcmp(method, "initialize") == 0) {
        printf("{\"jsonrpc\":\"2.0\",\"id\":%ld,\"result\":{\"protocolVersion\":1,\"plugin\":"
               "{\"name\":\"%s\",\"version\":\"1.0.0\",\"hooks\":[%s],\"completion\":%s}}}\n", id, name, hooks, completion);
    } else if (strcmp(method, "hook") == 0) {
        printf("{\"jsonrpc\":\"2.0\",\"id\":%ld,\"result\":{\"action\":\"continue\"}}\n", id);
    } else if (strcmp(method, "complete") == 0) {
        printf("{\"jsonrpc\":\"2.0\",\"id\":%ld,\"result\":{\"candidates\":[{\"value\":\"alpha\"},{\"value\":\"beta\"}]}}\n", id);
    } else {
        printf("{\"jsonrpc\":\"2.0\",\"id\":%ld,\"error\":{\"code\":-32601,\"message\":\"method not found\"}}\n", id);
    }
    fflush(stdout);
}

static void misbehave(void) {
    if (strcmp(name, "endless") == 0) {
        /* One line that never ends, as fast as the pipe takes it. */
        static char chunk[65536];
        memset(chunk, 'x', sizeof chunk);
        fputs("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"", stdout);
        for (;;) {
            if (fwrite(chunk, 1, sizeof chunk, stdout) != sizeof chunk) {
                exit(1);
            }
        }
    } else if (strcmp(name, "closer") == 0) {
        /* Closes its output but goes on running. */
        fclose(stdout);
        close(STDOUT_FILENO);
        sleep(1000);
        exit(0);
    }
}

int main(int argc, char **argv) {
    const char *slash = strrchr(argv[0], '/');
    name = (slash ? slash + 1 : argv[0]) + strlen("jig-");
    if (argc < 2 || strcmp(argv[1], "--jig-protocol") != 0) {
        printf("%s ran\n", name);
        return 0;
    }
    const char *at = getenv("HOSTILE_AT");
    if (getenv("HOSTILE_HOOKS") != NULL) {
        hooks = "\"prerun\",\"postrun\"";
    }
    if (getenv("HOSTILE_COMPLETION") != NULL) {
        completion = "true";
    }
    char *line = NULL;
    size_t size = 0;
    while (getline(&line, &size, stdin) > 0) {
        const char *method = strstr(line, "\"method\":\"");
        const char *id = strstr(line, "\"id\":");
        if (method == NULL || id == NULL) {
            continue;
        }
        method += strlen("\"method\":\"");
        char what[32] = "";
        size_t length = strcspn(method, "\"");
        if (length < sizeof what) {
            memcpy(what, method, length);
        }
        if (at != NULL && strcmp(what, at) == 0) {
            misbehave();
        } else {
            answer(what, strtol(id + strlen("\"id\":"), NULL, 10));
        }
    }
    return 0;
}
