/* Protocol mode (PROTOCOL.md): JSON-RPC 2.0, one message per line on stdin and stdout. */
#ifndef PROTOCOL_H
#define PROTOCOL_H

#include "json.h"

/**
 * Answers a `hook` request for an event the plugin lists. It writes the JSON result object to
 * `result` (and may send notifications with protocol_log, which go out before the reply) and
 * returns 0, or returns -1 after writing a one-line reason into `why` (the host gets -32603).
 */
typedef int hook_handler(json_value params, FILE *result, char *why, size_t why_size);

/** What the host learns about a plugin, and how it answers hooks. */
typedef struct {
    const char *metadata; /* the metadata object (§5), JSON on one line */
    const char *hooks[4]; /* the events the metadata lists, NULL-terminated */
    hook_handler *hook;
} plugin;

/** Serves requests on stdin until end of file; returns the exit status (0). */
int protocol_serve(const plugin *self);

/** Sends a `log` notification (§4.2): level is debug, info, warn or error. */
void protocol_log(const char *level, const char *message);

#endif
