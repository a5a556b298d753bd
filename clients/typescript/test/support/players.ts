// SDK clients for arena as a game would make them, and a mover that keeps sending inputs.
import { PlayfieldClient, type ClientOptions, type Encoding } from '../../src/node.js';
import { arenaSchemas, type ArenaInput, type ArenaState } from '../../src/arena.js';

export type ArenaClient = PlayfieldClient<ArenaState, ArenaInput>;

export function arenaClient(
  url: string | string[],
  encoding: Encoding,
  options: Partial<ClientOptions<ArenaState, ArenaInput>> = {},
): ArenaClient {
  return new PlayfieldClient({ url, encoding, game: arenaSchemas, requestTimeoutMs: 10_000, ...options });
}

/** Logs in as `name` and joins arena's queue. */
export async function queued(client: ArenaClient, name: string): Promise<void> {
  await client.connect();
  await client.login({ name });
  await client.joinQueue('arena');
}

/**
 * Sends `direction` every `everyMs` while the match runs (as a game loop would), and returns
 * a function that stops it and gives the seqs the SDK returned.
 */
export function keepMoving(client: ArenaClient, direction: { dx: number; dy: number }, everyMs = 50): () => number[] {
  const seqs: number[] = [];
  const timer = setInterval(() => {
    if (client.matchPhase !== 'running') return;
    const seq = client.sendInput(direction);
    if (seq !== undefined) seqs.push(seq);
  }, everyMs);
  return () => {
    clearInterval(timer);
    return seqs;
  };
}

/** Resolves when `predicate` holds, checking every 20 ms; rejects after `timeoutMs`. */
export async function eventually(what: string, predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
