// Starts a Playfield node from the server's packaged jar on a free port, as an operator would,
// and stops it. The tests never mock the server: they play against this process.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: build/test/support/ is three levels below clients/typescript/. */
const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const REPOSITORY_ROOT = path.resolve(PACKAGE_DIR, '../..');

/** The HMAC secret the test nodes sign tokens with, so a test can forge an expired one. */
export const TOKEN_SECRET = 'sdk-test-secret-0123456789-abcdefghijklmnop';

export interface RunningNode {
  port: number;
  /** `http://127.0.0.1:<port>` */
  httpUrl: string;
  /** `ws://127.0.0.1:<port>/ws` */
  wsUrl: string;
  log: string[];
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Two-player arena matches that start fast and last `matchSeconds`; resolves once `/ready` answers 200. */
export async function startNode(env: Record<string, string> = {}): Promise<RunningNode> {
  const jar = path.join(REPOSITORY_ROOT, 'target', 'playfield.jar');
  if (!existsSync(jar)) throw new Error(`${jar} is missing: build the server first (mvn -B -q install -DskipTests)`);
  const port = await freePort();
  const child = spawn('java', ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Dvertx.disableDnsResolver=true', '-jar', jar], {
    cwd: REPOSITORY_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PLAYFIELD_HTTP_PORT: String(port),
      PLAYFIELD_HTTP_HOST: '127.0.0.1',
      PLAYFIELD_GATEWAY_MAX_CONNECTIONS_PER_ADDRESS: '0',
      PLAYFIELD_AUTH_TOKEN_SECRET: TOKEN_SECRET,
      PLAYFIELD_MODES_ARENA_MATCH_SIZE: '2',
      PLAYFIELD_MODES_ARENA_MIN_PLAYERS: '2',
      PLAYFIELD_MODES_ARENA_FILL_TIMEOUT_MS: '500',
      PLAYFIELD_MODES_ARENA_COUNTDOWN_MS: '300',
      PLAYFIELD_MODES_ARENA_SETTINGS_MATCH_SECONDS: '4',
      PLAYFIELD_NODE_DRAIN_TIMEOUT_SECONDS: '2',
      ...env,
    },
  });
  const log: string[] = [];
  for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk) => log.push(String(chunk)));
  const httpUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the node exited with ${child.exitCode}:\n${log.join('')}`);
    try {
      const ready = await fetch(httpUrl + '/ready');
      if (ready.ok) return { port, httpUrl, wsUrl: `ws://127.0.0.1:${port}/ws`, log, stop: () => stop(child) };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`the node was not ready within 60 s:\n${log.join('')}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
