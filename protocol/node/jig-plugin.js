'use strict';
/**
 * A jig plugin in a few lines of Node.js: the protocol side, no dependencies.
 *
 * Copy this single file next to your plugin, then:
 *
 *     const jig = require('./jig-plugin.js');
 *     jig.main({
 *       metadata: { name: 'hello', version: '1.0.0', usage: '[NAME]' },
 *       run(args) { console.log(`Hello, ${args[0] ?? 'world'}!`); return 0; },
 *       hooks: { prerun: (params) => ({ action: 'continue' }) },
 *     });
 *
 * `main` runs the command, or, when the first argument is `--jig-protocol`, serves the protocol
 * (PROTOCOL.md): it negotiates the version, answers `initialize` with the metadata (its `hooks`
 * are the names of the handlers), dispatches `hook` to the handlers (which may be async), answers
 * other requests with -32601, ignores notifications, replies and lines that are not JSON, keeps
 * stdout for protocol lines only and exits 0 at the end of stdin.
 *
 * The types come from the protocol's TypeScript definitions, `jig-protocol.d.ts`.
 */
const fs = require('node:fs');
const readline = require('node:readline');

/** @typedef {import('../typescript/jig-protocol').PluginMetadata} PluginMetadata */
/** @typedef {import('../typescript/jig-protocol').HookEvent} HookEvent */
/** @typedef {import('../typescript/jig-protocol').HookParams} HookParams */
/** @typedef {import('../typescript/jig-protocol').HookResult} HookResult */
/** @typedef {import('../typescript/jig-protocol').LogLevel} LogLevel */
/** @typedef {import('../typescript/jig-protocol').PluginConfig} PluginConfig */
/** @typedef {import('../typescript/jig-protocol').CompleteParams} CompleteParams */
/** @typedef {import('../typescript/jig-protocol').CompleteResult} CompleteResult */
/** @typedef {(params: HookParams) => HookResult | Promise<HookResult>} Handler */
/** @typedef {(params: CompleteParams) => CompleteResult | Promise<CompleteResult>} Completer */
/**
 * @typedef {object} Plugin
 * @property {PluginMetadata} metadata what the plugin says about itself (PROTOCOL.md §5)
 * @property {(args: string[]) => number | Promise<number>} run the command: returns its exit status
 * @property {Partial<Record<HookEvent, Handler>>} [hooks] one handler per event it subscribes to
 * @property {Completer} [complete] answers `complete` requests; the metadata then says `completion: true`
 */

const PROTOCOL_ARGUMENT = '--jig-protocol';
const SPEAKS = [1];
const MAX_LINE_BYTES = 1024 * 1024;
const METHOD_NOT_FOUND = -32601;
const INVALID_REQUEST = -32600;
const INVALID_PARAMS = -32602;
const INTERNAL_ERROR = -32603;
const UNSUPPORTED_VERSION = -32000;

/** A request that gets an error response instead of a result. */
class Failure extends Error {
  /**
   * @param {number} code
   * @param {string} message
   * @param {unknown} [data]
   */
  constructor(code, message, data) {
    super(message);
    this.code = code;
    this.data = data;
  }
}

/**
 * Serves the protocol when the first argument is `--jig-protocol`; runs the command otherwise
 * and exits with the status it returns.
 * @param {Plugin} plugin
 * @param {string[]} [args] the plugin's arguments, `process.argv` without node and the script
 */
async function main(plugin, args = process.argv.slice(2)) {
  if (args[0] === PROTOCOL_ARGUMENT) {
    await serve(plugin);
  } else {
    process.exitCode = await plugin.run(args);
  }
}

/**
 * The plugin's namespace, `plugins.<name>`, of a configuration; `{}` when absent.
 * @param {PluginConfig | undefined} config
 * @param {string} name
 * @returns {Record<string, any>}
 */
function ownConfig(config, name) {
  const namespace = config && config.plugins && config.plugins[name];
  return namespace && typeof namespace === 'object' && !Array.isArray(namespace) ? namespace : {};
}

/**
 * Run mode: the plugin's namespace in the file named by `JIG_CONFIG` (`{}` without one).
 * @param {string} name
 * @returns {Record<string, any>}
 */
function runConfig(name) {
  const file = process.env.JIG_CONFIG;
  if (!file || !fs.existsSync(file)) {
    return {};
  }
  return ownConfig(JSON.parse(fs.readFileSync(file, 'utf8')), name);
}

/**
 * Sends a `log` notification: the host shows it prefixed with the plugin's name.
 * @param {LogLevel} level
 * @param {string} message
 */
function log(level, message) {
  send({ jsonrpc: '2.0', method: 'log', params: { level, message } });
}

/** @param {object} message */
function send(message) {
  process.stdout.write(JSON.stringify(message) + '\n');
}

/**
 * Answers requests from stdin, one at a time, until its end.
 * While serving, `console.log` writes to stderr: stdout carries protocol lines only.
 * @param {Plugin} plugin
 */
async function serve(plugin) {
  console.log = console.info = console.debug = console.error;
  const hooks = plugin.hooks || {};
  const events = /** @type {HookEvent[]} */ (Object.keys(hooks));
  const described = events.length ? { ...plugin.metadata, hooks: events } : plugin.metadata;
  const metadata = plugin.complete ? { ...described, completion: true } : described;
  for await (const line of readline.createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    const request = parseRequest(line);
    if (request) {
      send(await reply(request, metadata, hooks, plugin.complete));
    }
  }
}

/**
 * The request on a line, or null for anything that gets no answer.
 * @param {string} line
 */
function parseRequest(line) {
  if (!line.trim() || Buffer.byteLength(line) > MAX_LINE_BYTES) {
    return null;
  }
  let message;
  try {
    message = JSON.parse(line);
  } catch {
    return null;
  }
  const isObject = message !== null && typeof message === 'object' && !Array.isArray(message);
  // Not an object, a reply, a notification, or an id that cannot be echoed: no answer.
  return isObject && 'method' in message && isId(message.id) ? message : null;
}

/** @param {unknown} value */
function isId(value) {
  return typeof value === 'string' || Number.isInteger(value);
}

/**
 * @param {any} request
 * @param {PluginMetadata} metadata
 * @param {Partial<Record<HookEvent, Handler>>} hooks
 * @param {Completer} [complete]
 */
async function reply(request, metadata, hooks, complete) {
  try {
    const params = request.params === undefined ? {} : request.params;
    const wellFormed = request.jsonrpc === '2.0' && typeof request.method === 'string';
    if (!wellFormed || params === null || typeof params !== 'object' || Array.isArray(params)) {
      throw new Failure(INVALID_REQUEST, 'invalid request: not JSON-RPC 2.0 with a method name and object params');
    }
    let result;
    if (request.method === 'initialize') {
      result = initialize(params, metadata);
    } else if (request.method === 'hook' && Object.hasOwn(hooks, params.event)) {
      result = await hook(/** @type {Handler} */ (hooks[/** @type {HookEvent} */ (params.event)]), params);
    } else if (request.method === 'complete' && complete) {
      result = await completion(complete, params);
    } else {
      throw new Failure(METHOD_NOT_FOUND, `method not found: ${request.method}`);
    }
    return { jsonrpc: '2.0', id: request.id, result };
  } catch (failure) {
    const error = failure instanceof Failure ? failure : new Failure(INTERNAL_ERROR, String(failure));
    const body = { code: error.code, message: error.message };
    return { jsonrpc: '2.0', id: request.id, error: error.data === undefined ? body : { ...body, data: error.data } };
  }
}

/**
 * @param {any} params
 * @param {PluginMetadata} metadata
 */
function initialize(params, metadata) {
  const offered = params.protocolVersions;
  if (!Array.isArray(offered) || !offered.every(Number.isInteger)) {
    throw new Failure(INVALID_PARAMS, 'invalid params: protocolVersions must be an array of integers');
  }
  const common = offered.filter((version) => SPEAKS.includes(version));
  if (common.length === 0) {
    throw new Failure(UNSUPPORTED_VERSION, `host offers protocol [${offered.join(', ')}]; ${metadata.name} speaks [${SPEAKS.join(', ')}]`,
      { offered, supported: SPEAKS });
  }
  return { protocolVersion: Math.max(...common), plugin: metadata };
}

/**
 * Runs a handler; one that throws is answered with -32603 and the session goes on.
 * @param {Handler} handler
 * @param {HookParams} params
 */
async function hook(handler, params) {
  try {
    return await handler(params);
  } catch (error) {
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new Failure(INTERNAL_ERROR, `${params.event} hook failed: ${what.split('\n')[0]}`);
  }
}

/**
 * Runs the completer; one that throws is answered with -32603, and the host offers nothing.
 * @param {Completer} complete
 * @param {CompleteParams} params
 */
async function completion(complete, params) {
  try {
    return await complete(params);
  } catch (error) {
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new Failure(INTERNAL_ERROR, `complete failed: ${what.split('\n')[0]}`);
  }
}

module.exports = { main, serve, log, ownConfig, runConfig, PROTOCOL_ARGUMENT };
