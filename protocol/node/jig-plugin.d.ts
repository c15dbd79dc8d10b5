export type PluginMetadata = import("../typescript/jig-protocol").PluginMetadata;
export type HookEvent = import("../typescript/jig-protocol").HookEvent;
export type HookParams = import("../typescript/jig-protocol").HookParams;
export type HookResult = import("../typescript/jig-protocol").HookResult;
export type LogLevel = import("../typescript/jig-protocol").LogLevel;
export type PluginConfig = import("../typescript/jig-protocol").PluginConfig;
export type CompleteParams = import("../typescript/jig-protocol").CompleteParams;
export type CompleteResult = import("../typescript/jig-protocol").CompleteResult;
export type Handler = (params: HookParams) => HookResult | Promise<HookResult>;
export type Completer = (params: CompleteParams) => CompleteResult | Promise<CompleteResult>;
export type Plugin = {
    /**
     * what the plugin says about itself (PROTOCOL.md §5)
     */
    metadata: PluginMetadata;
    /**
     * the command: returns its exit status
     */
    run: (args: string[]) => number | Promise<number>;
    /**
     * one handler per event it subscribes to
     */
    hooks?: Partial<Record<import("../typescript/jig-protocol").HookEvent, Handler>> | undefined;
    /**
     * answers `complete` requests; the metadata then says `completion: true`
     */
    complete?: Completer | undefined;
};
/**
 * Serves the protocol when the first argument is `--jig-protocol`; runs the command otherwise
 * and exits with the status it returns.
 * @param {Plugin} plugin
 * @param {string[]} [args] the plugin's arguments, `process.argv` without node and the script
 */
export function main(plugin: Plugin, args?: string[]): Promise<void>;
/**
 * Answers requests from stdin, one at a time, until its end.
 * While serving, `console.log` writes to stderr: stdout carries protocol lines only.
 * @param {Plugin} plugin
 */
export function serve(plugin: Plugin): Promise<void>;
/**
 * Sends a `log` notification: the host shows it prefixed with the plugin's name.
 * @param {LogLevel} level
 * @param {string} message
 */
export function log(level: LogLevel, message: string): void;
/**
 * The plugin's namespace, `plugins.<name>`, of a configuration; `{}` when absent.
 * @param {PluginConfig | undefined} config
 * @param {string} name
 * @returns {Record<string, any>}
 */
export function ownConfig(config: PluginConfig | undefined, name: string): Record<string, any>;
/**
 * Run mode: the plugin's namespace in the file named by `JIG_CONFIG` (`{}` without one).
 * @param {string} name
 * @returns {Record<string, any>}
 */
export function runConfig(name: string): Record<string, any>;
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
export const PROTOCOL_ARGUMENT: "--jig-protocol";
