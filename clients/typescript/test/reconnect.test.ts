// Automatic reconnection against a real node, with a proxy in between that breaks connections:
// a cut socket (the seat comes back and inputs go on after the acknowledged sequence), a node
// that stays away past the grace window (sessionLost), a draining node's 1001 (the next URL),
// and a drop while queued (back in the queue).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startNode, type RunningNode } from './support/node.js';
import { startProxy, type Proxy } from './support/proxy.js';
import { arenaClient, eventually, keepMoving, queued, type ArenaClient } from './support/players.js';
import type { CloseEvent, Encoding, ReconnectingEvent, StateEvent } from '../src/node.js';
import type { ArenaInput, ArenaState } from '../src/arena.js';

const GRACE_SECONDS = 2;
let node: RunningNode;
const clients: ArenaClient[] = [];
const proxies: Proxy[] = [];

before(async () => {
  node = await startNode({
    PLAYFIELD_NODE_RECONNECT_GRACE_SECONDS: String(GRACE_SECONDS),
    PLAYFIELD_MODES_ARENA_SETTINGS_MATCH_SECONDS: '8',
  });
});

after(async () => {
  clients.forEach((client) => client.close());
  await Promise.all(proxies.map((proxy) => proxy.stop()));
  await node?.stop();
});

async function proxy(): Promise<Proxy> {
  const started = await startProxy(node.port);
  proxies.push(started);
  return started;
}

function client(url: string | string[], encoding: Encoding = 'binary'): ArenaClient {
  const made = arenaClient(url, encoding, { reconnect: { initialDelayMs: 100, maxDelayMs: 500, maxAttempts: 12 } });
  clients.push(made);
  return made;
}

/** What a client told about its connection. */
function watch(target: ArenaClient) {
  const seen = { closes: [] as CloseEvent[], attempts: [] as ReconnectingEvent[], states: [] as StateEvent<ArenaState, ArenaInput>[] };
  target.on('close', (event) => seen.closes.push(event));
  target.on('reconnecting', (event) => seen.attempts.push(event));
  target.on('state', (event) => seen.states.push(event));
  return seen;
}

/** Two players in one running match: `first` through `url`, an opponent directly. */
async function matchOf(url: string | string[], name: string): Promise<{ player: ArenaClient; opponent: ArenaClient }> {
  const player = client(url);
  const opponent = client(node.wsUrl);
  const found = Promise.all([player.next('matchFound', 15_000), opponent.next('matchFound', 15_000)]);
  await queued(player, name);
  await queued(opponent, `${name}-opponent`);
  await found;
  return { player, opponent };
}

const lastAck = (seen: ReturnType<typeof watch>) => seen.states.at(-1)?.lastInputSeq ?? 0;

test('a cut socket: the seat comes back and inputs go on after the acknowledged sequence', async () => {
  const path = await proxy();
  const { player: ann, opponent } = await matchOf(path.wsUrl, 'ann');
  const seen = watch(ann);
  const stop = keepMoving(ann, { dx: 1, dy: 0 });
  await eventually('ten inputs applied', () => lastAck(seen) >= 10);
  const roomId = ann.match!.roomId;

  path.cut();
  const resumed = await ann.next('resumed', 10_000);
  const ackAtResume = lastAck(seen);
  await eventually('inputs applied after the resume', () => lastAck(seen) >= ackAtResume + 10);
  const seqs = stop();
  await eventually('every input applied', () => lastAck(seen) === seqs.at(-1));

  assert.equal(seen.closes[0]?.code, 1006, 'the client saw the socket drop without a close frame');
  assert.equal(seen.closes[0]?.willReconnect, true);
  assert.equal(seen.attempts[0]?.attempt, 1);
  assert.equal(resumed.match?.roomId, roomId, 'the same seat in the same room');
  assert.equal(ann.match?.roomId, roomId);
  assert.equal(path.accepted, 2, 'one reconnection');
  assert.deepEqual(seqs, seqs.map((_, i) => i + 1), 'one numbering across the drop: no seq sent twice or skipped');
  const acks = seen.states.map((s) => s.lastInputSeq);
  assert.ok(acks.every((ack, i) => i === 0 || ack >= acks[i - 1]!), 'acknowledgements never went back');
  assert.equal(ann.pendingInputs.length, 0, 'nothing left unacknowledged, inputs of the outage included');

  const [end] = await Promise.all([ann.next('matchEnd', 20_000), opponent.next('matchEnd', 20_000)]);
  assert.equal(end.you?.left, false, 'the player finished the match');
});

test('a node away past the grace window: the resume is refused and sessionLost says RESUME_EXPIRED', async () => {
  const path = await proxy();
  const { player: carol, opponent } = await matchOf(path.wsUrl, 'carol');
  const seen = watch(carol);
  const before = carol.identity!;
  const roomId = carol.match!.roomId;
  const lost = carol.next('sessionLost', 20_000);

  path.refuse(true);
  path.cut();
  await new Promise((resolve) => setTimeout(resolve, GRACE_SECONDS * 1000 + 1500));
  path.refuse(false);
  const event = await lost;

  assert.equal(event.reason, 'RESUME_EXPIRED');
  assert.equal(event.error?.code, 'RESUME_EXPIRED');
  assert.equal(event.error?.fromServer, true);
  assert.equal(event.roomId, roomId);
  assert.ok(seen.attempts.length >= 2, `attempts failed while the node was away (${seen.attempts.length})`);
  assert.equal(carol.match, undefined);
  assert.equal(carol.identity, undefined);
  assert.equal(carol.canResume, false);
  assert.equal(carol.status, 'open', 'the connection is up: log in to play on');
  const again = await carol.login({ name: 'carol' });
  assert.equal(again.playerId, before.playerId, 'the stored token logs the same player back in');

  const end = await opponent.next('matchEnd', 20_000);
  assert.equal(end.standings.find((s) => s.playerId === before.playerId)?.left, true, 'the seat was given up');
});

test('a draining node closes with 1001: the client resumes through the next URL at once', async () => {
  const draining = await proxy();
  const other = await proxy();
  const { player: erin, opponent } = await matchOf([draining.wsUrl, other.wsUrl], 'erin');
  const seen = watch(erin);
  const roomId = erin.match!.roomId;

  draining.closeAll(1001, 'draining');
  const resumed = await erin.next('resumed', 10_000);

  assert.equal(seen.closes[0]?.code, 1001);
  assert.equal(seen.closes[0]?.reason, 'draining');
  assert.equal(seen.attempts[0]?.url, other.wsUrl, 'the next node');
  assert.equal(seen.attempts[0]?.delayMs, 0, 'no wait: the node asked the client to go');
  assert.equal(other.accepted, 1);
  assert.equal(resumed.match?.roomId, roomId);
  assert.equal(erin.url, other.wsUrl);
  await eventually('states after the resume', () => seen.states.length > 5);
  erin.close();
  opponent.close();
});

test('a drop while waiting in the queue: the session is resumed and the player queued again (JSON)', async () => {
  const path = await proxy();
  const gina = client(path.wsUrl, 'json');
  await queued(gina, 'gina');
  assert.equal(gina.queue, 'arena');
  const seen = watch(gina);
  const queuedAgain = gina.next('queued', 10_000);

  path.cut();
  const resumed = await gina.next('resumed', 10_000);
  assert.equal(resumed.match, undefined);
  assert.equal(resumed.requeued, 'arena');
  assert.equal((await queuedAgain).mode, 'arena');
  assert.equal(gina.queue, 'arena');
  assert.equal(seen.closes[0]?.willReconnect, true);

  const henry = client(node.wsUrl);
  const found = gina.next('matchFound', 15_000);
  await queued(henry, 'henry');
  assert.equal((await found).players.length, 2, 'the queue that was joined again forms a match');
  gina.close();
  henry.close();
});

test('no node answers within the attempts: sessionLost says RECONNECT_FAILED', async () => {
  const path = await proxy();
  const jack = arenaClient(path.wsUrl, 'json', { reconnect: { initialDelayMs: 50, maxDelayMs: 100, maxAttempts: 3 } });
  clients.push(jack);
  const seen = watch(jack);
  await jack.connect();
  await jack.login({ name: 'jack' });
  path.refuse(true);
  path.cut();
  const lost = await jack.next('sessionLost', 10_000);
  assert.equal(lost.reason, 'RECONNECT_FAILED');
  assert.equal(lost.error?.code, 'CONNECTION_CLOSED');
  assert.deepEqual(seen.attempts.map((a) => a.attempt), [1, 2, 3]);
  assert.ok(seen.attempts.every((a) => a.delayMs <= 100), 'the waits stay under the ceiling');
  assert.equal(jack.status, 'closed');
  path.refuse(false);
});

test('close() ends the session for good: no reconnection', async () => {
  const ivy = client(node.wsUrl);
  const seen = watch(ivy);
  await ivy.connect();
  await ivy.login({ name: 'ivy' });
  ivy.close();
  await eventually('the close event', () => seen.closes.length === 1);
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.deepEqual(seen.closes.map((c) => [c.code, c.willReconnect]), [[1000, false]]);
  assert.equal(seen.attempts.length, 0);
  assert.equal(ivy.status, 'closed');
});
