// The README's complete client, run as its own process (importing the package by its name, as a
// game's project would) against a real node through a proxy that cuts its socket mid-match:
// it plays the match to the end and comes back after the cut by itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNode, type RunningNode } from './support/node.js';
import { startProxy, type Proxy } from './support/proxy.js';
import { arenaClient, eventually, queued, type ArenaClient } from './support/players.js';

const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXAMPLE = path.join(PACKAGE_DIR, 'examples', 'arena-client.mjs');
let node: RunningNode;
let proxy: Proxy;
let opponent: ArenaClient | undefined;

before(async () => {
  node = await startNode({ PLAYFIELD_MODES_ARENA_SETTINGS_MATCH_SECONDS: '6' });
  proxy = await startProxy(node.port);
});

after(async () => {
  opponent?.close();
  await proxy?.stop();
  await node?.stop();
});

test('the README shows the example client as it is', () => {
  const readme = readFileSync(path.join(PACKAGE_DIR, 'README.md'), 'utf8');
  const example = readFileSync(EXAMPLE, 'utf8');
  assert.ok(readme.includes('```js\n' + example + '```'), 'README.md quotes examples/arena-client.mjs whole');
});

test('the example client plays a match of arena and comes back after its socket is cut', async () => {
  const child = spawn(process.execPath, [EXAMPLE, proxy.wsUrl], { cwd: PACKAGE_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const errors: string[] = [];
  child.stdout.on('data', (chunk) => lines.push(...String(chunk).split('\n').filter(Boolean)));
  child.stderr.on('data', (chunk) => errors.push(String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    await eventually('the example queued', () => lines.includes('queued'), 15_000);
    opponent = arenaClient(node.wsUrl, 'json');
    await queued(opponent, 'opponent');
    await eventually('the match found', () => lines.some((l) => l.startsWith('match ')), 15_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    proxy.cut();
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), 30_000))]);
    assert.equal(code, 0, `the example exits 0 once the match is over\n${lines.join('\n')}\n${errors.join('')}`);
  } finally {
    child.kill();
  }
  assert.ok(lines.includes('closed 1006, reconnecting'), lines.join('\n'));
  assert.ok(lines.includes('back in the match'), lines.join('\n'));
  const standings = lines.filter((l) => /^[12]\. /.test(l));
  assert.equal(standings.length, 2, `two rows of standings:\n${lines.join('\n')}`);
  assert.ok(standings.some((l) => l.includes('chaser')) && standings.some((l) => l.includes('opponent')));
  assert.equal(proxy.accepted, 2, 'one reconnection');
});
