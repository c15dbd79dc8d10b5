#!/usr/bin/env node
// Hostile plugins in Node.js, one per behaviour, chosen by the file's name (jig-<behaviour>).
// In protocol mode each answers like a good plugin until the request named by $HOSTILE_AT
// (initialize, hook or complete) comes, and misbehaves there. In run mode it says that it ran.
'use strict';
const path = require('path');
const readline = require('readline');

const NAME = path.basename(process.argv[1]).slice('jig-'.length);
// Hooks and completion only when asked for ($HOSTILE_HOOKS, $HOSTILE_COMPLETION), so that a probe
// is only a probe.
const HOOKS = process.env.HOSTILE_HOOKS ? ['prerun', 'postrun'] : [];
const COMPLETION = Boolean(process.env.HOSTILE_COMPLETION);

function send(message) {
  process.stdout.write(JSON.stringify(message) + '\n');
}

function answer(method, id) {
  if (method === 'initialize') {
    send({ jsonrpc: '2.0', id, result: { protocolVersion: 1, plugin: { name: NAME, version: '1.0.0', hooks: HOOKS, completion: COMPLETION } } });
  } else if (method === 'hook') {
    send({ jsonrpc: '2.0', id, result: { action: 'continue' } });
  } else if (method === 'complete') {
    send({ jsonrpc: '2.0', id, result: { candidates: [{ value: 'alpha' }, { value: 'beta' }] } });
  } else {
    send({ jsonrpc: '2.0', id, error: { code: -32601, message: 'method not found' } });
  }
}

function misbehave(method, id) {
  switch (NAME) {
    case 'wrongid':
      answer(method, id + 41);
      break;
    case 'dupid':
      answer(method, id);
      answer(method, id);
      break;
    case 'malformed':
      // Metadata with a command that has no name; a prerun result that sets an impossible
      // variable; candidates that are not objects.
      if (method === 'initialize') {
        send({ jsonrpc: '2.0', id, result: { protocolVersion: 1, plugin: { name: NAME, version: '1.0.0', commands: [{ summary: 'no name' }] } } });
      } else if (method === 'complete') {
        send({ jsonrpc: '2.0', id, result: { candidates: ['alpha', 7, null] } });
      } else {
        send({ jsonrpc: '2.0', id, result: { action: 'continue', env: { 'BAD NAME': 'x' } } });
      }
      break;
    case 'early':
      answer(method, id); // after a reply to a request never sent (below)
      break;
  }
}

if (process.argv[2] !== '--jig-protocol') {
  console.log(`${NAME} ran`);
  process.exit(0);
}
// early-reply: a reply to a request the host never sent, before the one it misbehaves at.
function earlyReply() {
  send({ jsonrpc: '2.0', id: 7, result: { action: 'abort', message: 'too early', exitCode: 9 } });
}
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (!line.trim()) return;
  const msg = JSON.parse(line);
  if (msg.method === undefined || msg.id === undefined) return;
  if (msg.method === process.env.HOSTILE_AT) {
    misbehave(msg.method, msg.id);
  } else {
    answer(msg.method, msg.id);
    if (NAME === 'early' && msg.method === 'initialize' && ['hook', 'complete'].includes(process.env.HOSTILE_AT)) {
      earlyReply();
    }
  }
});
if (NAME === 'early' && process.env.HOSTILE_AT === 'initialize') {
  earlyReply();
}
