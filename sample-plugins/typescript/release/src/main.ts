/**
 * jig release: bumps and compares semantic versions. Its metadata lives in package.json (the
 * `jig` key), which jig reads without starting it; the same file answers `initialize` in a hook
 * session. Written with the Node helper and the protocol's TypeScript types.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as jig from "../../../../protocol/node/jig-plugin.js";
import type { HookParams, HookResult, PackageJson, PluginMetadata } from "../../../../protocol/typescript/jig-protocol";
import { bump, compare, format, parse, type Part } from "./semver";

const NAME = "release";
const PARTS: readonly string[] = ["major", "minor", "patch"];

/** The plugin's configuration: `[plugins.release]` in jig's configuration files. */
interface Config {
  /** Printed before every version, e.g. "v". */
  prefix: string;
  /** When true, the prerun hook stops `jig release bump`. */
  frozen: boolean;
}

function metadata(): PluginMetadata {
  const manifest = JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")) as PackageJson & { version: string };
  const { run, ...fields } = manifest.jig;
  return { ...fields, name: NAME, version: manifest.version, description: manifest.description };
}

function cli(): string {
  return process.env.JIG_CLI_NAME ?? "jig";
}

class UsageError extends Error {}

/** Run mode: `bump PART [--pre ID] VERSION` or `compare A B`. */
function run(args: string[]): number {
  const config = jig.runConfig(NAME) as Partial<Config>;
  try {
    console.log(command(args, config.prefix ?? ""));
    return 0;
  } catch (error) {
    const usage = error instanceof UsageError ? `\nusage: ${cli()} ${NAME} ${metadata().usage}` : "";
    console.error(`${cli()} ${NAME}: ${(error as Error).message}${usage}`);
    return 2;
  }
}

function command(args: string[], prefix: string): string {
  const [name, ...rest] = args;
  if (name === "compare" && rest.length === 2) {
    return String(compare(parse(rest[0]), parse(rest[1])));
  }
  if (name === "bump" && PARTS.includes(rest[0])) {
    const [part, ...operands] = rest;
    const pre = operands.indexOf("--pre");
    const preId = pre >= 0 ? operands.splice(pre, 2)[1] : undefined;
    if (operands.length !== 1 || (pre >= 0 && !preId)) {
      throw new UsageError("bump takes one VERSION, and --pre a value");
    }
    return prefix + format(bump(parse(operands[0]), part as Part, preId));
  }
  throw new UsageError(`unknown command: ${args.join(" ") || "(none)"}`);
}

/** prerun: with `plugins.release.frozen = true`, `jig release bump` is stopped; everything else runs. */
function prerun(params: HookParams): HookResult {
  const config = jig.ownConfig(params.config, NAME) as Partial<Config>;
  const bumping = params.plugin === NAME && params.args?.[0] === "bump";
  if (config.frozen && bumping) {
    return { action: "abort", message: `${NAME}: versions are frozen here (plugins.${NAME}.frozen)`, exitCode: 3 };
  }
  return { action: "continue" };
}

void jig.main({ metadata: metadata(), run, hooks: { prerun } });
