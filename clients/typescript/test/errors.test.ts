// Every error code a client can cause, caused through the SDK against a real node, and how the
// SDK delivers each: a rejected request (with the request's name) or an `error` event; and the
// close codes a client can cause (4000 after too many errors, 4001 after a second login).
// UNAVAILABLE is the server's own failure (a matchmaker out of reach) and no client causes it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { create, toBinary } from '@bufbuild/protobuf';
import { startNode, TOKEN_SECRET, type RunningNode } from './support/node.js';
import { arenaClient, eventually, type ArenaClient } from './support/players.js';
import { PlayfieldError, memoryStore, type Encoding } from '../src/node.js';
import { ClientMessageSchema } from '../src/gen/playfield/v1/playfield_pb.js';
import { ArenaStateSchema } from '../src/arena.js';
import { anyPack } from '@bufbuild/protobuf/wkt';

let node: RunningNode;
const clients: ArenaClient[] = [];

before(async () => {
  node = await startNode({ PLAYFIELD_MODES_ARENA_SETTINGS_MATCH_SECONDS: '30' });
});

after(async () => {
  clients.forEach((client) => client.close());
  await node?.stop();
});

async function connected(encoding: Encoding = 'binary', name?: string): Promise<ArenaClient> {
  const client = arenaClient(node.wsUrl, encoding, { pingIntervalMs: 0 });
  clients.push(client);
  await client.connect();
  if (name) await client.login({ name });
  return client;
}

/** Asserts that `promise` rejects with a server error of `code`, answering `request`. */
async function refused(promise: Promise<unknown>, code: string, request: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof PlayfieldError, `a PlayfieldError: ${String(error)}`);
    assert.equal(error.code, code);
    assert.equal(error.fromServer, true);
    assert.equal(error.request, request);
    return true;
  });
}

/** The next `error` event, which must carry `code`. */
async function errorEvent(client: ArenaClient, code: string): Promise<PlayfieldError> {
  const error = await client.next('error', 5_000);
  assert.equal(error.code, code);
  assert.equal(error.fromServer, true);
  return error;
}

/** A token signed with the node's secret that expired an hour ago. */
function expiredToken(playerId: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ name: 'old', iat: now - 7200, exp: now - 3600, iss: 'playfield', sub: playerId })}`;
  return `${unsigned}.${createHmac('sha256', TOKEN_SECRET).update(unsigned).digest('base64url')}`;
}

test('MALFORMED_FRAME: a frame that is not a ClientMessage, in either encoding', async () => {
  const binary = await connected('binary', 'mal-b');
  binary.connection!.sendFrame(new Uint8Array([0xff, 0xff, 0xff, 0xff]));
  await errorEvent(binary, 'MALFORMED_FRAME');
  const json = await connected('json', 'mal-j');
  json.connection!.sendFrame('{not json');
  await errorEvent(json, 'MALFORMED_FRAME');
});

test('UNKNOWN_MESSAGE: a message with no body this server knows', async () => {
  const client = await connected('binary', 'unknown');
  client.connection!.sendFrame(toBinary(ClientMessageSchema, create(ClientMessageSchema, { requestId: 77 })));
  await errorEvent(client, 'UNKNOWN_MESSAGE');
});

test('FRAME_TOO_LARGE: the frame is dropped and the connection stays', async () => {
  const client = await connected('json', 'large');
  client.connection!.send({ case: 'login', value: { name: 'x'.repeat(5000) } });
  await errorEvent(client, 'FRAME_TOO_LARGE');
  const pong = await client.ping();
  assert.ok(pong.rttMs >= 0, 'still connected');
});

test('NOT_LOGGED_IN, then INVALID_STATE for a second login and for leaving a queue one is not in', async () => {
  const client = await connected();
  await refused(client.joinQueue('arena'), 'NOT_LOGGED_IN', 'joinQueue');
  await client.login({ name: 'state' });
  await refused(client.login({ name: 'state' }), 'INVALID_STATE', 'login');
  await refused(client.leaveQueue(), 'INVALID_STATE', 'leaveQueue');
  await refused(client.leaveMatch(), 'INVALID_STATE', 'leaveMatch');
  assert.equal(client.sendInput({ dx: 1, dy: 0 }), undefined, 'the SDK sends no input outside a match');
  client.connection!.send({ case: 'input', value: { seq: 1, game: anyPack(ArenaStateSchema, create(ArenaStateSchema)) } });
  await errorEvent(client, 'INVALID_STATE');
});

test('INVALID_ARGUMENT: a name longer than the node allows', async () => {
  const client = await connected();
  await refused(client.login({ name: 'n'.repeat(25) }), 'INVALID_ARGUMENT', 'login');
  const ok = await client.login({ name: 'n'.repeat(24) });
  assert.equal(ok.name.length, 24);
});

test('INVALID_TOKEN and TOKEN_EXPIRED: refused, or a new guest when the SDK may fall back', async () => {
  const client = await connected();
  await refused(client.login({ name: 'tok', token: 'not.a.token', fallbackToGuest: false }), 'INVALID_TOKEN', 'login');
  await refused(client.login({ name: 'tok', token: expiredToken('p-old'), fallbackToGuest: false }), 'TOKEN_EXPIRED', 'login');
  const guest = await client.login({ name: 'tok', token: expiredToken('p-old') });
  assert.equal(guest.tokenRefused, 'TOKEN_EXPIRED');
  assert.notEqual(guest.playerId, 'p-old');

  const store = memoryStore();
  store.set('playfield.token', 'forged');
  const stored = arenaClient(node.wsUrl, 'json', { identityStore: store, pingIntervalMs: 0 });
  clients.push(stored);
  await stored.connect();
  const fresh = await stored.login({ name: 'tok2' });
  assert.equal(fresh.tokenRefused, 'INVALID_TOKEN');
  assert.equal(store.get('playfield.token'), fresh.token, 'the refused token was replaced by the new one');
});

test('UNKNOWN_MODE, ALREADY_QUEUED and ALREADY_IN_MATCH', async () => {
  const ann = await connected('binary', 'modes-ann');
  await refused(ann.joinQueue('no-such-mode'), 'UNKNOWN_MODE', 'joinQueue');
  await ann.joinQueue('arena');
  await refused(ann.joinQueue('arena'), 'ALREADY_QUEUED', 'joinQueue');
  const bob = await connected('json', 'modes-bob');
  const found = ann.next('matchFound', 15_000);
  await bob.joinQueue('arena');
  await found;
  await refused(ann.joinQueue('arena'), 'ALREADY_IN_MATCH', 'joinQueue');
  await ann.leaveMatch();
  await bob.leaveMatch();
});

test('INVALID_INPUT: a value out of range, the wrong input type, seq 0', async () => {
  const ann = await connected('json', 'input-ann');
  const bob = await connected('binary', 'input-bob');
  const found = ann.next('matchFound', 15_000);
  await ann.joinQueue('arena');
  await bob.joinQueue('arena');
  await found;
  await eventually('the match running', () => ann.matchPhase === 'running');
  assert.ok(ann.sendInput({ dx: 2, dy: 0 }));
  await errorEvent(ann, 'INVALID_INPUT');
  const wrongType = anyPack(ArenaStateSchema, create(ArenaStateSchema));
  bob.connection!.send({ case: 'input', value: { seq: 50, game: wrongType } });
  await errorEvent(bob, 'INVALID_INPUT');
  bob.connection!.send({ case: 'input', value: { seq: 0, game: wrongType } });
  await errorEvent(bob, 'INVALID_INPUT');
  await ann.leaveMatch();
  await bob.leaveMatch();
});

test('RATE_LIMITED: a burst beyond the bucket; the server cannot say which request it dropped', async () => {
  const client = arenaClient(node.wsUrl, 'binary', { pingIntervalMs: 0, requestTimeoutMs: 2_000 });
  clients.push(client);
  await client.connect();
  const limited: PlayfieldError[] = [];
  client.on('error', (error) => limited.push(error));
  const outcomes = await Promise.allSettled(Array.from({ length: 135 }, () => client.ping()));
  const answered = outcomes.filter((o) => o.status === 'fulfilled').length;
  const timedOut = outcomes.filter((o) => o.status === 'rejected' && (o.reason as PlayfieldError).code === 'REQUEST_TIMEOUT').length;
  assert.ok(limited.length > 0, 'some pings were over the limit');
  assert.ok(limited.every((error) => error.code === 'RATE_LIMITED' && error.fromServer));
  assert.ok(answered >= 118, `the bucket of 120 was answered (${answered})`);
  // The frame is refused before it is read, so the error has no request id: an event, and the
  // dropped requests time out.
  assert.equal(timedOut, limited.length);
  assert.equal(answered + timedOut, 135);
});

test('RESUME_REJECTED: a forged resume token; the stored token is dropped', async () => {
  const store = memoryStore();
  store.set('playfield.resumeToken', 'forged');
  const client = arenaClient(node.wsUrl, 'binary', { sessionStore: store, pingIntervalMs: 0 });
  clients.push(client);
  await client.connect();
  assert.equal(client.canResume, true);
  await refused(client.resume(), 'RESUME_REJECTED', 'resume');
  assert.equal(client.canResume, false);
  await assert.rejects(client.resume(), (error: PlayfieldError) => error.code === 'NO_SESSION' && !error.fromServer);
  const started = await client.start({ name: 'after' });
  assert.equal(started.resumed, false, 'start() logs in when there is nothing to resume');
});

test('4000: too many errors close the connection, and the client does not come back', async () => {
  const client = await connected('binary', 'striker');
  const closed = client.next('close', 10_000);
  for (let i = 0; i < 25; i++) client.connection?.sendFrame(new Uint8Array([0xff, 0xff]));
  const event = await closed;
  assert.equal(event.code, 4000);
  assert.match(event.reason, /MALFORMED_FRAME/);
  assert.equal(event.willReconnect, false);
  assert.equal(client.status, 'closed');
});

test('4001: a second login of the same player closes the first connection, which stays closed', async () => {
  const first = await connected('binary', 'twin');
  const closed = first.next('close', 10_000);
  const second = arenaClient(node.wsUrl, 'json', { pingIntervalMs: 0 });
  clients.push(second);
  await second.connect();
  const again = await second.login({ name: 'twin', token: first.identity!.token });
  assert.equal(again.playerId, first.identity!.playerId);
  const event = await closed;
  assert.equal(event.code, 4001);
  assert.equal(event.willReconnect, false);
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(first.status, 'closed');
  await assert.rejects(first.joinQueue('arena'), (error: PlayfieldError) => error.code === 'NOT_CONNECTED');
});

test('a request with no answer in time fails with REQUEST_TIMEOUT, not forever', async () => {
  const client = arenaClient(node.wsUrl, 'binary', { requestTimeoutMs: 1, pingIntervalMs: 0 });
  clients.push(client);
  await client.connect();
  await assert.rejects(client.ping(), (error: PlayfieldError) => error.code === 'REQUEST_TIMEOUT' && error.request === 'ping');
});
