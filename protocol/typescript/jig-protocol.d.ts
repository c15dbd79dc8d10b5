/**
 * TypeScript types for every message and file of the jig plugin protocol, version 1
 * (PROTOCOL.md). Each type names the JSON Schema it mirrors with `@schema`; a test in the
 * protocol module fails when a type and its schema disagree on a property or on which
 * properties are required.
 *
 * Receivers ignore unknown fields, so these types describe what a sender must write and what a
 * receiver may read, not everything a message can carry.
 */

/** The protocol versions this file describes. */
export type ProtocolVersion = number;

/** A request id: chosen by the sender, echoed in the reply. */
export type Id = string | number;

/**
 * An event a plugin can subscribe to: those of a command run, and install, upgrade and
 * uninstall, sent while the plugin itself is installed, upgraded or removed.
 */
export type HookEvent = "config" | "prerun" | "postrun" | "command_not_found" | "install" | "upgrade" | "uninstall";

/** How important a log line is; debug is shown only when the host is verbose. */
export type LogLevel = "debug" | "info" | "warn" | "error";

/** A JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/**
 * Any request.
 * @schema message.schema.json#/$defs/request
 */
export interface Request<M extends string = string, P = JsonObject> {
  jsonrpc: "2.0";
  id: Id;
  method: M;
  params?: P;
}

/**
 * Any notification: no id, no reply.
 * @schema message.schema.json#/$defs/notification
 */
export interface Notification<M extends string = string, P = JsonObject> {
  jsonrpc: "2.0";
  method: M;
  params?: P;
}

/**
 * A successful reply.
 * @schema message.schema.json#/$defs/response
 */
export interface Response<R = Json> {
  jsonrpc: "2.0";
  id: Id;
  result: R;
}

/**
 * The error of an error response.
 * @schema message.schema.json#/$defs/error
 */
export interface RpcError<D = Json> {
  /** -32700, -32600, -32601, -32602, -32603, -32000, or a plugin's own code outside -32768..-32000. */
  code: number;
  /** One line for people. */
  message: string;
  data?: D;
}

/**
 * A failed reply; id is null only when the request's id could not be read.
 * @schema error-response.schema.json
 */
export interface ErrorResponse<D = Json> {
  jsonrpc: "2.0";
  id: Id | null;
  error: RpcError<D>;
}

/**
 * The data of error -32000 (no protocol version in common).
 * @schema error-response.schema.json#/$defs/unsupportedVersion
 */
export interface UnsupportedVersion {
  offered: ProtocolVersion[];
  supported: ProtocolVersion[];
}

/** Any message of the protocol. */
export type Message = Request | Notification | Response | ErrorResponse;

/**
 * The host CLI.
 * @schema initialize-params.schema.json#/properties/cli
 */
export interface Cli {
  /** The CLI's name, e.g. jig. */
  name: string;
  /** The CLI's version, semver. */
  version: string;
}

/**
 * The configuration a plugin sees: core, and its own namespace under plugins.
 * @schema hook-params.schema.json#/$defs/config
 */
export interface PluginConfig<C = JsonObject> {
  core: { hook_timeout_ms?: number };
  /** One member: the plugin's own namespace, under its name. */
  plugins: { [name: string]: C };
}

/**
 * The params of initialize.
 * @schema initialize-params.schema.json
 */
export interface InitializeParams {
  protocolVersions: ProtocolVersion[];
  cli: Cli;
  /** Present when the host starts the plugin for hooks; absent in a metadata probe. */
  config?: PluginConfig;
}

/**
 * The initialize request, always the host's first message.
 * @schema initialize-request.schema.json
 */
export interface InitializeRequest {
  jsonrpc: "2.0";
  id: Id;
  method: "initialize";
  params: InitializeParams;
}

/**
 * The result of initialize.
 * @schema initialize-result.schema.json
 */
export interface InitializeResult {
  /** The version the plugin picked: the highest one both sides speak. */
  protocolVersion: ProtocolVersion;
  plugin: PluginMetadata;
}

/**
 * The successful reply to initialize.
 * @schema initialize-response.schema.json
 */
export interface InitializeResponse {
  jsonrpc: "2.0";
  id: Id;
  result: InitializeResult;
}

/**
 * The params of a hook request. Which optional fields are present depends on the event.
 * @schema hook-params.schema.json
 */
export interface HookParams {
  event: HookEvent;
  /** The command's working directory, absolute. */
  cwd: string;
  config: PluginConfig;
  /** prerun, postrun: the words that selected the command. */
  command?: string[];
  /** prerun, postrun: the rest of the command line, verbatim. */
  args?: string[];
  /** prerun, postrun: the plugin whose command runs, absent for a built-in; install, upgrade, uninstall: the receiving plugin. */
  plugin?: string;
  /** postrun: whether the command ran. */
  ran?: boolean;
  /** postrun: the command's exit status, or the abort's. */
  exitCode?: number;
  /** postrun: how long the command ran, in milliseconds. */
  durationMs?: number;
  /** command_not_found: the command line that matched nothing. */
  words?: string[];
  /** install, upgrade: the version going live; uninstall: the installed version. */
  version?: string;
  /** upgrade: the installed version being replaced. */
  previous?: string;
  /** install, upgrade: the absolute path of the staged copy; uninstall: of the installed copy. */
  directory?: string;
}

/**
 * A hook request.
 * @schema hook-request.schema.json
 */
export interface HookRequest {
  jsonrpc: "2.0";
  id: Id;
  method: "hook";
  params: HookParams;
}

/**
 * The word of the plugin's command line being completed (PROTOCOL.md §4.5).
 * @schema complete-params.schema.json
 */
export interface CompleteParams {
  /** The command words that chose the plugin. */
  command: string[];
  /** The plugin's arguments before the word being completed. */
  args: string[];
  /** The word being completed, as typed so far; empty after a space. */
  current: string;
}

/** One word to offer. */
export interface Candidate {
  value: string;
  /** One line shown beside it by shells that show one. */
  description?: string;
}

/**
 * The plugin's candidates; the host keeps those that start with the word being completed.
 * @schema complete-result.schema.json
 */
export interface CompleteResult {
  candidates?: Candidate[];
  /** Whether the shell should complete file names when no candidate fits. Default false. */
  files?: boolean;
}

/**
 * The answer to a hook request; each event reads its own fields.
 * @schema hook-result.schema.json
 */
export interface HookResult {
  /** prerun, install, upgrade, uninstall: required there. */
  action?: "continue" | "abort";
  /** prerun with continue: variables for the command's environment. */
  env?: { [name: string]: string };
  /** prerun, install, upgrade, uninstall with abort: one line telling the user why; required there. */
  message?: string;
  /** prerun, install, upgrade, uninstall with abort: 1 to 255, default 1. */
  exitCode?: number;
  /** command_not_found: one line each, best first. */
  suggestions?: string[];
  /** config: a JSON Merge Patch touching only plugins.<name>. */
  patch?: { plugins: { [name: string]: Json } };
}

/**
 * The successful reply to a hook request.
 * @schema hook-response.schema.json
 */
export interface HookResponse {
  jsonrpc: "2.0";
  id: Id;
  result: HookResult;
}

/**
 * The params of a log notification.
 * @schema log-params.schema.json
 */
export interface LogParams {
  level: LogLevel;
  /** One line for people. */
  message: string;
}

/**
 * The log notification, plugin to host at any time.
 * @schema log-notification.schema.json
 */
export interface LogNotification {
  jsonrpc: "2.0";
  method: "log";
  params: LogParams;
}

/**
 * A flag a command accepts.
 * @schema plugin-metadata.schema.json#/$defs/flag
 */
export interface Flag {
  /** The long form with its dashes, e.g. --lang. */
  name: string;
  /** The short form, e.g. -l. */
  short?: string;
  /** The value's placeholder, e.g. LANG; absent for a switch. */
  value?: string;
  summary?: string;
}

/**
 * A subcommand, and its own subcommands.
 * @schema plugin-metadata.schema.json#/$defs/command
 */
export interface Command {
  name: string;
  summary?: string;
  usage?: string;
  flags?: Flag[];
  subcommands?: Command[];
}

/**
 * What a plugin needs.
 * @schema plugin-metadata.schema.json#/$defs/requirements
 */
export interface Requirements {
  /** An npm-style semver range for the host CLI's version. */
  cli?: string;
  protocol?: ProtocolVersion[];
  /** Other plugins by name, each with a semver range. */
  plugins?: { [name: string]: string };
  /** Executables that must be on PATH. */
  programs?: string[];
}

/**
 * The configuration a plugin owns.
 * @schema plugin-metadata.schema.json#/$defs/config
 */
export interface ConfigSpec {
  defaults?: JsonObject;
  /** A JSON Schema (draft 2020-12). */
  schema?: JsonObject | boolean;
}

/**
 * What a plugin asks to be allowed in a sandbox.
 * @schema plugin-metadata.schema.json#/$defs/permissions
 */
export interface Permissions {
  network?: boolean;
  cwd?: "read" | "write";
  read?: string[];
  write?: string[];
  env?: string[];
}

/**
 * The metadata fields, none required.
 * @schema plugin-metadata.schema.json#/$defs/fields
 */
export interface MetadataFields {
  name?: string;
  version?: string;
  description?: string;
  vendor?: string;
  homepage?: string;
  usage?: string;
  flags?: Flag[];
  commands?: Command[];
  hooks?: HookEvent[];
  /** The plugin answers complete requests (PROTOCOL.md §4.5). */
  completion?: boolean;
  requires?: Requirements;
  config?: ConfigSpec;
  permissions?: Permissions;
}

/**
 * What a plugin says about itself.
 * @schema plugin-metadata.schema.json
 */
export interface PluginMetadata extends MetadataFields {
  /** The plugin's name: its file name without jig-, or its directory's name. */
  name: string;
  /** Semantic versioning 2.0.0. */
  version: string;
}

/**
 * plugin.json of a directory plugin.
 * @schema manifest.schema.json
 */
export interface Manifest extends PluginMetadata {
  /** The command that starts the plugin, as an argument vector. */
  run: string[];
}

/**
 * The jig key of a Node plugin's package.json.
 * @schema manifest.schema.json#/$defs/packageJsonKey
 */
export interface PackageJsonKey extends MetadataFields {
  run: string[];
}

/**
 * The parts of a Node plugin's package.json that jig reads.
 * @schema package-json.schema.json
 */
export interface PackageJson {
  jig: PackageJsonKey;
  version?: string;
  description?: string;
  homepage?: string;
}

/**
 * One downloadable form of a release in a plugin index (INDEX.md).
 * @schema plugin-index.schema.json#/$defs/artifact
 */
export interface IndexArtifact {
  /** linux, darwin or windows; absent: any. */
  os?: string;
  /** x86_64 or aarch64; absent: any. */
  arch?: string;
  /** Absolute, or relative to the index's own URL. */
  url: string;
  /** 64 hex digits. */
  sha256: string;
  /** The one line of a .sig file: key id and base64 Ed25519 signature of the SHA-256. */
  signature?: string;
}

/**
 * One version of a plugin in a plugin index.
 * @schema plugin-index.schema.json#/$defs/release
 */
export interface IndexRelease {
  requires?: Requirements;
  artifacts: IndexArtifact[];
}

/**
 * A plugin in a plugin index.
 * @schema plugin-index.schema.json#/$defs/plugin
 */
export interface IndexPlugin {
  description?: string;
  homepage?: string;
  /** The releases by semantic version. */
  versions: { [version: string]: IndexRelease };
}

/**
 * A plugin index: the document `plugins install` reads (INDEX.md).
 * @schema plugin-index.schema.json
 */
export interface PluginIndex {
  /** The format version, 1. */
  index: number;
  plugins: { [name: string]: IndexPlugin };
}
