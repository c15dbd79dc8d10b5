// @name@: a @cli@ plugin. `@cli@ @command@ hello [--shout] [NAME]` greets; started with
// @protocol@ it speaks the @cli@ plugin protocol (JSON-RPC 2.0, one message per line).
import { createInterface } from 'node:readline';

/** Plugin metadata, as the protocol describes it (keep it in step with plugin.json). */
interface Metadata {
  name: string;
  version: string;
  description?: string;
  usage?: string;
  commands?: Command[];
  hooks?: ('config' | 'prerun' | 'postrun' | 'command_not_found' | 'install' | 'upgrade' | 'uninstall')[];
}

interface Flag { name: string; short?: string; value?: string; summary?: string }
interface Command { name: string; summary?: string; usage?: string; flags?: Flag[]; subcommands?: Command[] }

interface Request { jsonrpc: '2.0'; id: string | number; method: string; params?: Record<string, unknown> }
interface RpcErrorObject { code: number; message: string; data?: unknown }
type Reply = { jsonrpc: '2.0'; id: string | number } & ({ result: unknown } | { error: RpcErrorObject });

const SPEAKS = [1]; // the protocol versions this plugin speaks
const METADATA: Metadata = {
  name: '@name@',
  version: '0.1.0',
  description: 'Say hello (a TypeScript plugin)',
  usage: 'COMMAND',
  commands: [{
    name: 'hello', summary: 'greet someone', usage: '[--shout] [NAME]',
    flags: [{ name: '--shout', short: '-s', summary: 'greet loudly' }],
  }],
  hooks: ['prerun'],
};

/** Run mode: the user's command, with the user's arguments; returns the exit status. */
function run(args: string[]): number {
  if (args[0] !== 'hello') {
    console.error('usage: @cli@ @command@ hello [--shout] [NAME]');
    return 2;
  }
  const shout = args.some((arg) => arg === '--shout' || arg === '-s');
  const name = args.slice(1).find((arg) => arg !== '--shout' && arg !== '-s') ?? 'world';
  const greeting = `Hello, ${name}!`;
  console.log(shout ? greeting.toUpperCase() : greeting);
  return 0;
}

/** A request that gets an error response. */
class RpcError extends Error {
  constructor(readonly code: number, message: string, readonly data?: unknown) {
    super(message);
  }
}

/** The result of one request; throws RpcError for a failed one. */
function answer(method: string, params: Record<string, unknown>): unknown {
  if (method === 'initialize') {
    const offered = params.protocolVersions;
    if (!Array.isArray(offered)) {
      throw new RpcError(-32602, 'invalid params: protocolVersions');
    }
    const common = offered.filter((v) => SPEAKS.includes(v));
    if (common.length === 0) {
      throw new RpcError(-32000, `host offers protocol [${offered}]; @name@ speaks [${SPEAKS}]`,
        { offered, supported: SPEAKS });
    }
    return { protocolVersion: Math.max(...common), plugin: METADATA };
  }
  if (method === 'hook') { // only the events listed in METADATA.hooks arrive
    return { action: 'continue', env: { '@hookvar@': String(params.event) } };
  }
  throw new RpcError(-32601, `method not found: ${method}`);
}

function isRequest(message: unknown): message is Request {
  return typeof message === 'object' && message !== null && 'method' in message && 'id' in message;
}

/** Protocol mode: answer each request on stdin; at end of file Node exits with status 0. stdout carries replies only. */
function serve(): void {
  createInterface({ input: process.stdin, crlfDelay: Infinity }).on('line', (line) => {
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      return; // a blank line or not JSON: nothing to answer
    }
    if (!isRequest(message)) {
      return; // a notification or a stray reply: no answer
    }
    let reply: Reply;
    try {
      reply = { jsonrpc: '2.0', id: message.id, result: answer(message.method, message.params ?? {}) };
    } catch (e) {
      const error = e instanceof RpcError ? e : new RpcError(-32603, `internal error: ${e}`);
      reply = { jsonrpc: '2.0', id: message.id, error: { code: error.code, message: error.message, data: error.data } };
    }
    process.stdout.write(`${JSON.stringify(reply)}\n`);
  });
}

if (process.argv[2] === '@protocol@') {
  serve();
} else {
  process.exitCode = run(process.argv.slice(2));
}
