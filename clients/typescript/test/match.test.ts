// Two SDK clients play whole arena matches against a real node, once in each encoding: typed
// events, input numbering and acknowledgements, the game's state unpacked, the result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startNode, type RunningNode } from './support/node.js';
import { arenaClient, keepMoving, queued, type ArenaClient } from './support/players.js';
import type { MatchEndEvent, MatchInfo, StateEvent } from '../src/node.js';
import type { ArenaInput, ArenaState } from '../src/arena.js';

type ArenaStateEvent = StateEvent<ArenaState, ArenaInput>;

let node: RunningNode;
const clients: ArenaClient[] = [];

before(async () => {
  node = await startNode();
});

after(async () => {
  clients.forEach((client) => client.close());
  await node?.stop();
});

interface Played {
  found: MatchInfo;
  states: ArenaStateEvent[];
  seqs: number[];
  end: MatchEndEvent;
}

/** Plays one match from found to end, moving away from the centre (slot 0 up, slot 1 down). */
async function play(client: ArenaClient): Promise<Played> {
  const states: ArenaStateEvent[] = [];
  client.on('state', (state) => states.push(state));
  const found = await client.next('matchFound', 15_000);
  const stop = keepMoving(client, { dx: 0, dy: found.yourSlot === 0 ? -1 : 1 });
  const end = await client.next('matchEnd', 20_000);
  return { found, states, seqs: stop(), end };
}

for (const encoding of ['binary', 'json'] as const) {
  test(`a whole match of arena in ${encoding}`, async () => {
    const ann = arenaClient(node.wsUrl, encoding);
    const bob = arenaClient(node.wsUrl, encoding);
    clients.push(ann, bob);
    const games = [play(ann), play(bob)];
    await queued(ann, `ann-${encoding}`);
    await queued(bob, `bob-${encoding}`);
    const [annPlayed, bobPlayed] = await Promise.all(games);

    assert.equal(ann.connection?.encoding, encoding);
    assert.equal(annPlayed!.found.roomId, bobPlayed!.found.roomId, 'one room for both');
    assert.deepEqual([annPlayed!.found.yourSlot, bobPlayed!.found.yourSlot].sort(), [0, 1]);
    for (const [client, played] of [[ann, annPlayed!], [bob, bobPlayed!]] as const) {
      checkMatch(client, played);
    }
  });
}

function checkMatch(client: ArenaClient, { found, states, seqs, end }: Played): void {
  const me = client.identity!;
  assert.equal(found.you, me.playerId);
  assert.equal(found.tickRate, 20);
  assert.deepEqual(found.players.map((p) => p.slot).sort(), [0, 1]);

  assert.ok(states.length > 20, `states arrived (${states.length})`);
  assert.ok(seqs.length > 10, `inputs were sent (${seqs.length})`);
  assert.deepEqual(seqs, seqs.map((_, i) => i + 1), 'inputs are numbered 1, 2, 3, ...');
  const ticks = states.map((s) => s.tick);
  assert.ok(ticks.every((tick, i) => i === 0 || tick > ticks[i - 1]!), 'ticks only grow');
  const acks = states.map((s) => s.lastInputSeq);
  assert.ok(acks.every((ack, i) => i === 0 || ack >= acks[i - 1]!), 'acknowledgements never go back');
  assert.ok(acks.at(-1)! >= seqs.length - 4, `the server applied the inputs (last ack ${acks.at(-1)}, sent ${seqs.length})`);
  for (const state of states) {
    assert.ok(state.pending.every((p) => p.seq > state.lastInputSeq), 'pending inputs are the unacknowledged ones');
  }
  assert.ok(states.some((s) => s.phase === 'running'), 'the match ran');

  assert.equal(states.at(-1)!.game!.width, 800, 'the game state is unpacked through the registry');
  const mine = (s: ArenaStateEvent) => s.game!.players.find((p) => p.slot === found.yourSlot)!;
  const dy = mine(states.at(-1)!).y - mine(states.find((s) => s.phase === 'running')!).y;
  assert.ok(found.yourSlot === 0 ? dy < -50 : dy > 50, `the player moved the way its inputs said (dy ${dy}, slot ${found.yourSlot})`);

  assert.equal(end.roomId, found.roomId);
  assert.equal(end.standings.length, 2);
  assert.equal(end.you?.playerId, me.playerId, 'the result names this player');
  assert.equal(client.match, undefined, 'no match after its end');
}

test('leaving the queue, and leaving a match: the events and what the client knows', async () => {
  const fay = arenaClient(node.wsUrl, 'json');
  const gus = arenaClient(node.wsUrl, 'binary');
  clients.push(fay, gus);
  await queued(fay, 'fay');
  assert.equal(fay.queue, 'arena');
  const left = fay.next('queueLeft', 5_000);
  await fay.leaveQueue();
  assert.equal((await left).mode, 'arena');
  assert.equal(fay.queue, undefined);

  const found = fay.next('matchFound', 15_000);
  await fay.joinQueue('arena');
  await queued(gus, 'gus');
  const match = await found;
  const matchLeft = fay.next('matchLeft', 5_000);
  const gusEnd = gus.next('matchEnd', 20_000);
  await fay.leaveMatch();
  assert.equal((await matchLeft).roomId, match.roomId);
  assert.equal(fay.match, undefined);
  assert.equal(fay.sendInput({ dx: 1, dy: 0 }), undefined, 'no inputs once the seat is given up');
  const end = await gusEnd;
  assert.equal(end.standings.find((s) => s.name === 'fay')?.left, true, 'the leaver ranks as left');

  // The store has the match: each player's recent matches, and the mode's leaderboard.
  const [gusMatches, fayMatches] = await Promise.all([gus.recentMatches(5), fay.recentMatches()]);
  const gusRow = gusMatches.find((m) => m.roomId === match.roomId);
  assert.equal(gusRow?.mode, 'arena');
  assert.equal(gusRow?.players, 2);
  assert.equal(gusRow?.left, false);
  assert.equal(gusRow?.ratingAfter, end.you?.ratingAfter);
  assert.equal(fayMatches.find((m) => m.roomId === match.roomId)?.left, true);
  const board = await gus.leaderboard('arena', { limit: 100 });
  assert.equal(board.mode, 'arena');
  assert.ok(board.total >= 2, `players with a rating (${board.total})`);
  assert.equal(board.you?.playerId, gus.identity!.playerId);
  assert.equal(board.you?.rating, end.you?.ratingAfter);
  assert.ok(board.rows.every((row, i) => i === 0 || row.rating <= board.rows[i - 1]!.rating), 'best rating first');
});

test('ping measures the round trip and the server clock offset', async () => {
  const carol = arenaClient(node.wsUrl, 'binary', { pingIntervalMs: 0 });
  clients.push(carol);
  await carol.connect();
  const pongs: number[] = [];
  carol.on('pong', (sample) => pongs.push(sample.rttMs));
  const samples = [];
  for (let i = 0; i < 5; i++) samples.push(await carol.ping());
  assert.equal(pongs.length, 5, 'every ping gives a pong event');
  for (const sample of samples) {
    assert.ok(sample.rttMs > 0 && sample.rttMs < 1000, `round trip ${sample.rttMs} ms on loopback`);
  }
  // Node and test share this machine's clock: the offset is within a round trip of zero, plus a
  // millisecond of rounding in the server's clock.
  const best = Math.min(...samples.map((s) => s.rttMs));
  assert.ok(Math.abs(carol.clockOffsetMs!) <= best + 2, `offset ${carol.clockOffsetMs} ms`);
  assert.ok(Math.abs(carol.serverNow() - Date.now()) <= best + 2);
  assert.equal(carol.rttMs, samples.at(-1)!.rttMs);
});

test('the client pings by itself while connected', async () => {
  const dave = arenaClient(node.wsUrl, 'json', { pingIntervalMs: 100 });
  clients.push(dave);
  const pongs: number[] = [];
  dave.on('pong', (sample) => pongs.push(sample.rttMs));
  await dave.connect();
  await new Promise((resolve) => setTimeout(resolve, 550));
  assert.ok(pongs.length >= 4 && pongs.length <= 7, `about one pong per 100 ms (${pongs.length})`);
  dave.close();
  const after = pongs.length;
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(pongs.length, after, 'no pings after close');
});

test('listModes gives what GET /api/modes says, or undefined on a node without it', async () => {
  const erin = arenaClient(node.wsUrl, 'binary');
  const answer = await fetch(node.httpUrl + '/api/modes');
  const modes = await erin.listModes();
  if (answer.status === 404) {
    assert.equal(modes, undefined);
  } else {
    const body = (await answer.json()) as { modes: { name: string; tickRate: number }[] };
    assert.deepEqual(modes?.map((m) => m.name), body.modes.map((m) => m.name));
    const arena = modes?.find((m) => m.name === 'arena');
    assert.equal(arena?.game, 'arena');
    assert.equal(arena?.matchSize, 2, 'the node was started with matches of 2');
    assert.equal(arena?.page, undefined, 'arena is played on the main page');
  }
});
