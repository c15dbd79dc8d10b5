/*
 * jig base64: encode and decode base64. A jig plugin in C with the standard library only.
 *
 * Run mode: `jig base64 encode [--wrap COLS] [FILE]`, `jig base64 decode [FILE]`.
 * Protocol mode (first argument `--jig-protocol`): describes itself and answers the `postrun`
 * hook, which reports every command that failed when plugins.base64.report_failures is true.
 */
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "protocol.h"

#define DEFAULT_WRAP 76

/* What `jig help base64` shows, and the configuration this plugin owns (PROTOCOL.md §5). */
static const char METADATA[] =
    "{\"name\":\"base64\",\"version\":\"0.1.0\","
    "\"description\":\"Encode and decode base64\",\"vendor\":\"jig samples\","
    "\"usage\":\"COMMAND [FILE]\","
    "\"flags\":[{\"name\":\"--help\",\"short\":\"-h\",\"summary\":\"show this help\"}],"
    "\"commands\":["
    "{\"name\":\"encode\",\"summary\":\"encode FILE (or stdin) as base64\",\"usage\":\"[--wrap COLS] [FILE]\","
    "\"flags\":[{\"name\":\"--wrap\",\"short\":\"-w\",\"value\":\"COLS\","
    "\"summary\":\"wrap lines after COLS characters, 0 for none (default: the configuration's wrap, else 76)\"}]},"
    "{\"name\":\"decode\",\"summary\":\"decode base64 from FILE (or stdin)\",\"usage\":\"[FILE]\"}],"
    "\"hooks\":[\"postrun\"],"
    "\"requires\":{\"cli\":\">=0.1.0\",\"protocol\":[1]},"
    "\"config\":{\"defaults\":{\"wrap\":76,\"report_failures\":false},"
    "\"schema\":{\"type\":\"object\",\"properties\":{"
    "\"wrap\":{\"type\":\"integer\",\"minimum\":0},\"report_failures\":{\"type\":\"boolean\"}}}}}";

static const char USAGE[] =
    "Usage: jig base64 encode [--wrap COLS] [FILE]\n"
    "       jig base64 decode [FILE]\n"
    "\n"
    "Encode and decode base64 (RFC 4648); without FILE, read stdin.\n"
    "  -w, --wrap COLS  wrap encoded lines after COLS characters, 0 for none\n"
    "                   (default: plugins.base64.wrap in jig's configuration, else 76)\n";

static const char ALPHABET[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int usage_error(const char *message) {
    fprintf(stderr, "base64: %s\n\n%s", message, USAGE);
    return 2;
}

/* Reads all of a file ("-" or NULL: stdin) into a new buffer; NULL on failure. */
static char *read_all(const char *path, size_t *length) {
    FILE *in = path && strcmp(path, "-") != 0 ? fopen(path, "rb") : stdin;
    char *data = NULL;
    size_t size = 0, n = 0;
    if (!in) return NULL;
    for (;;) {
        if (n == size) {
            char *bigger = realloc(data, size = size ? size * 2 : 65536);
            if (!bigger) break;
            data = bigger;
        }
        size_t got = fread(data + n, 1, size - n, in);
        n += got;
        if (got == 0) break;
    }
    bool failed = ferror(in) || n == size;
    if (in != stdin) fclose(in);
    if (failed) {
        free(data);
        return NULL;
    }
    *length = n;
    return data;
}

static void encode(const unsigned char *data, size_t length, long wrap) {
    long column = 0;
    for (size_t i = 0; i < length; i += 3) {
        unsigned long group = (unsigned long)data[i] << 16;
        if (i + 1 < length) group |= (unsigned long)data[i + 1] << 8;
        if (i + 2 < length) group |= data[i + 2];
        char out[4] = {ALPHABET[group >> 18], ALPHABET[group >> 12 & 63],
                       i + 1 < length ? ALPHABET[group >> 6 & 63] : '=', i + 2 < length ? ALPHABET[group & 63] : '='};
        for (int k = 0; k < 4; k++) {
            if (wrap > 0 && column == wrap) {
                putchar('\n');
                column = 0;
            }
            putchar(out[k]);
            column++;
        }
    }
    if (length > 0) putchar('\n');
}

/* Decodes base64, skipping blanks and line ends; false on any other byte or a bad ending. */
static bool decode(const char *text, size_t length) {
    unsigned long group = 0;
    int count = 0, padding = 0;
    for (size_t i = 0; i < length; i++) {
        const char *digit;
        char c = text[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
        if (c == '=' && count >= 2) {
            padding++;
            group <<= 6;
        } else if (padding == 0 && c != '\0' && (digit = strchr(ALPHABET, c)) != NULL) {
            group = group << 6 | (unsigned long)(digit - ALPHABET);
        } else {
            return false;
        }
        if (++count == 4) {
            putchar((int)(group >> 16));
            if (padding < 2) putchar((int)(group >> 8 & 255));
            if (padding < 1) putchar((int)(group & 255));
            group = 0;
            count = 0;
        }
    }
    return count == 0;
}

/* plugins.base64.<key> in the configuration file jig names in JIG_CONFIG (§10), if any. */
static bool configured(const char *config, size_t length, const char *key, json_value *value) {
    json_value root, plugins, own;
    return json_parse(config, length, &root) && json_get(root, "plugins", &plugins) &&
           json_get(plugins, "base64", &own) && json_get(own, key, value);
}

/* The line width: --wrap, else plugins.base64.wrap, else 76; -1 after reporting a problem. */
static long wrap_width(const char *flag) {
    char *stop;
    if (flag) {
        long wrap = strtol(flag, &stop, 10);
        return *flag && !*stop && wrap >= 0 ? wrap : (usage_error("--wrap needs a number >= 0"), -1);
    }
    const char *path = getenv("JIG_CONFIG");
    size_t length;
    char *config = path ? read_all(path, &length) : NULL;
    long wrap = DEFAULT_WRAP;
    json_value value;
    if (config && configured(config, length, "wrap", &value) && (!json_long(value, &wrap) || wrap < 0)) {
        fprintf(stderr, "base64: plugins.base64.wrap must be an integer >= 0 in %s\n", path);
        wrap = -1;
    }
    free(config); /* a missing file is no configuration: the default (§10) */
    return wrap;
}

static int run(int argc, char **argv) {
    if (argc < 2) return usage_error("a command is missing");
    const char *command = argv[1], *wrap_flag = NULL, *file = NULL;
    for (int i = 2; i < argc; i++) {
        if (strcmp(command, "encode") == 0 && (strcmp(argv[i], "--wrap") == 0 || strcmp(argv[i], "-w") == 0)) {
            if (++i == argc) return usage_error("--wrap needs a value");
            wrap_flag = argv[i];
        } else if (strncmp(argv[i], "--wrap=", 7) == 0 && strcmp(command, "encode") == 0) {
            wrap_flag = argv[i] + 7;
        } else if (!file) {
            file = argv[i];
        } else {
            return usage_error("only one FILE");
        }
    }
    bool encoding = strcmp(command, "encode") == 0;
    if (!encoding && strcmp(command, "decode") != 0) return usage_error("the command is encode or decode");
    long wrap = encoding ? wrap_width(wrap_flag) : 0;
    if (wrap < 0) return wrap_flag ? 2 : 1;
    size_t length;
    char *data = read_all(file, &length);
    if (!data) {
        fprintf(stderr, "base64: cannot read %s\n", file ? file : "stdin");
        return 1;
    }
    bool ok = true;
    if (encoding)
        encode((const unsigned char *)data, length, wrap);
    else
        ok = decode(data, length);
    free(data);
    if (!ok) fputs("base64: the input is not base64\n", stderr);
    return ok ? 0 : 1;
}

/* The postrun hook: with plugins.base64.report_failures, a log line for a command that failed. */
static int postrun(json_value params, FILE *result, char *why, size_t why_size) {
    json_value config, report, exit_code, command, word;
    long status;
    if (!json_get(params, "exitCode", &exit_code) || !json_long(exit_code, &status)) {
        snprintf(why, why_size, "params.exitCode must be an integer");
        return -1;
    }
    bool wanted = json_get(params, "config", &config) && configured(config.start, (size_t)(config.end - config.start),
                                                                     "report_failures", &report) && json_true(report);
    if (wanted && status != 0) {
        const char *cli = getenv("JIG_CLI_NAME");
        char words[200] = "", text[300];
        for (size_t i = 0; json_get(params, "command", &command) && json_item(command, i, &word); i++) {
            size_t n = strlen(words);
            if (n + 2 >= sizeof words || !json_string(word, words + n + (n > 0), sizeof words - n - (n > 0))) {
                words[n] = '\0'; /* too long for one line: the words that fit */
                break;
            }
            if (n > 0) words[n] = ' ';
        }
        snprintf(text, sizeof text, "'%s %s' exited with status %ld", cli ? cli : "jig", words, status);
        protocol_log("warn", text);
    }
    fputs("{}", result);
    return 0;
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "--jig-protocol") == 0) {
        static const plugin self = {METADATA, {"postrun", NULL}, postrun};
        return protocol_serve(&self);
    }
    if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        fputs(USAGE, stdout);
        return 0;
    }
    return run(argc, argv);
}
