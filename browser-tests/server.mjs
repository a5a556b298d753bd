// Starts a Playfield node from the packaged jar on a free port, as an operator would, and stops it.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ADMIN_TOKEN = 'browser-test-admin-token-0123456789';

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** A node with short matches and a quick fill timeout; resolves once it serves HTTP. */
export async function startNode(env = {}) {
  const jar = path.join(ROOT, 'target', 'playfield.jar');
  if (!existsSync(jar)) throw new Error(`${jar} is missing: run the Maven build first`);
  const port = await freePort();
  const child = spawn('java', ['-Xmx256m', '-XX:+UseSerialGC', '-Dvertx.disableDnsResolver=true', '-jar', jar], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PLAYFIELD_HTTP_PORT: String(port),
      PLAYFIELD_HTTP_HOST: '127.0.0.1',
      PLAYFIELD_ADMIN_TOKEN: ADMIN_TOKEN,
      PLAYFIELD_MODES_ARENA_MATCH_SIZE: '2',
      PLAYFIELD_MODES_ARENA_MIN_PLAYERS: '2',
      PLAYFIELD_MODES_ARENA_FILL_TIMEOUT_MS: '500',
      PLAYFIELD_MODES_ARENA_COUNTDOWN_MS: '300',
      PLAYFIELD_MODES_ARENA_SETTINGS_MATCH_SECONDS: '6',
      ...env,
    },
  });
  const log = [];
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (d) => log.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`node exited with ${child.exitCode}:\n${log.join('')}`);
    try {
      const ready = await fetch(url + '/ready');
      if (ready.ok) return { url, port, log, stop: () => stop(child) };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`node not ready within 30 s:\n${log.join('')}`);
}

function stop(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => { clearTimeout(hard); resolve(); });
    child.kill('SIGTERM');
  });
}
