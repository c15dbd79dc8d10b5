/** Types of jig-plugin.js, the Node helper of the jig plugin protocol, for TypeScript plugins. */
import type { HookEvent, HookParams, HookResult, LogLevel, PluginConfig, PluginMetadata } from "../typescript/jig-protocol";

/** Answers one hook event; may be async. */
export type Handler = (params: HookParams) => HookResult | Promise<HookResult>;

/** A plugin: its metadata, its command, and one handler per event it subscribes to. */
export interface Plugin {
  metadata: PluginMetadata;
  /** Runs the command; returns its exit status. */
  run(args: string[]): number | Promise<number>;
  hooks?: Partial<Record<HookEvent, Handler>>;
}

/** The reserved first argument of protocol mode. */
export const PROTOCOL_ARGUMENT: "--jig-protocol";

/** Serves the protocol when the first argument is --jig-protocol; runs the command otherwise. */
export function main(plugin: Plugin, args?: string[]): Promise<void>;

/** Answers requests from stdin until its end. */
export function serve(plugin: Plugin): Promise<void>;

/** Sends a log notification. */
export function log(level: LogLevel, message: string): void;

/** The plugin's namespace, plugins.<name>, of a configuration; {} when absent. */
export function ownConfig(config: PluginConfig | undefined, name: string): Record<string, any>;

/** Run mode: the plugin's namespace in the file named by JIG_CONFIG ({} without one). */
export function runConfig(name: string): Record<string, any>;
