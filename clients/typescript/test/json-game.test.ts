// A game known by its message names only (jsonGame): its states and inputs stay JSON objects,
// first against frames as the README shows them, then in a whole arena match on a real node,
// next to a client that has arena's generated types.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { create } from '@bufbuild/protobuf';
import { codecFor } from '../src/codec.js';
import { GameTypes, jsonGame, type JsonGameMessage } from '../src/game-types.js';
import { ClientMessageSchema } from '../src/gen/playfield/v1/playfield_pb.js';
import { PlayfieldClient, type StateEvent } from '../src/node.js';
import { startNode, type RunningNode } from './support/node.js';
import { arenaClient, keepMoving, queued } from './support/players.js';

const ARENA_BY_NAME = jsonGame('playfield.arena.ArenaState', 'playfield.arena.ArenaInput');
const types = new GameTypes(ARENA_BY_NAME);
const codec = codecFor('json', types.registry, types.json);

test('an input given as fields goes out under its @type, with the protocol around it', () => {
  const input = types.toInput({ dx: 1, dy: -0.5 } as never);
  assert.equal(input.$typeName, 'playfield.arena.ArenaInput');
  const frame = create(ClientMessageSchema, { requestId: 3, body: { case: 'input', value: { seq: 9, game: types.packInput(input) } } });
  assert.deepEqual(JSON.parse(codec.encode(frame) as string), {
    requestId: 3,
    input: { seq: 9, game: { '@type': 'type.googleapis.com/playfield.arena.ArenaInput', dx: 1, dy: -0.5 } },
  });
});

test('a state comes in as the JSON object the server wrote, and the rest as protocol messages', () => {
  const game = { width: 800, players: [{ slot: 1, x: 3.5, name: 'ann' }], endsAtTick: '120' };
  const message = codec.decode(JSON.stringify({
    state: { roomId: 'r1', tick: '31', lastInputSeq: 4, phase: 'ROOM_PHASE_RUNNING', game: { '@type': 'type.googleapis.com/playfield.arena.ArenaState', ...game } },
  }));
  assert.equal(message.body.case, 'state');
  if (message.body.case !== 'state') return;
  assert.equal(message.body.value.tick, 31n);
  assert.equal(message.body.value.lastInputSeq, 4);
  assert.deepEqual(types.unpackState(message.body.value.game), { ...game, $typeName: 'playfield.arena.ArenaState' });

  const other = codec.decode(JSON.stringify({ matchEnd: { roomId: 'r1', standings: [{ rank: 1, name: 'ann' }] } }));
  assert.equal(other.body.case, 'matchEnd');
});

test('a state of another type is not taken for the game\'s', () => {
  const any = new GameTypes(jsonGame('x.Other', 'x.OtherInput')).packInput({ $typeName: 'x.OtherInput', a: 1 } as JsonGameMessage);
  assert.equal(types.unpackState(any), undefined);
});

test('a game known by name needs the JSON encoding', () => {
  assert.throws(() => codecFor('binary', types.registry, types.json), /needs encoding 'json'/);
  assert.throws(() => new PlayfieldClient({ url: 'ws://127.0.0.1:1/ws', game: ARENA_BY_NAME, encoding: 'binary' }), RangeError);
});

let node: RunningNode;
before(async () => {
  node = await startNode();
});
after(async () => {
  await node?.stop();
});

test('a whole arena match played by a client that knows the game by name only', async () => {
  const byName = new PlayfieldClient<JsonGameMessage, JsonGameMessage>({ url: node.wsUrl, game: ARENA_BY_NAME, requestTimeoutMs: 10_000 });
  const typed = arenaClient(node.wsUrl, 'binary');
  try {
    const states: StateEvent<JsonGameMessage, JsonGameMessage>[] = [];
    byName.on('state', (s) => states.push(s));
    const found = byName.next('matchFound', 15_000);
    const typedFound = typed.next('matchFound', 15_000);
    await byName.connect();
    assert.equal(byName.connection?.encoding, 'json', 'JSON is the default for a game known by name');
    await byName.login({ name: 'by-name' });
    await byName.joinQueue('arena');
    await queued(typed, 'typed');
    const match = await found;
    await typedFound;
    const seqs: number[] = [];
    const timer = setInterval(() => {
      if (byName.matchPhase !== 'running') return;
      const seq = byName.sendInput({ dx: 0, dy: match.yourSlot === 0 ? -1 : 1 } as never);
      if (seq !== undefined) seqs.push(seq);
    }, 50);
    const stopTyped = keepMoving(typed, { dx: 1, dy: 0 });
    const end = await byName.next('matchEnd', 20_000);
    clearInterval(timer);
    stopTyped();

    const running = states.filter((s) => s.phase === 'running');
    assert.ok(running.length > 20, `states arrived (${running.length})`);
    const last = running.at(-1)!.game!;
    assert.equal(last.width, 800, 'the state is the server\'s JSON');
    const mine = (g: JsonGameMessage) => (g.players as { slot?: number; y: number }[]).find((p) => (p.slot ?? 0) === match.yourSlot)!;
    const dy = mine(last).y - mine(running[0]!.game!).y;
    assert.ok(match.yourSlot === 0 ? dy < -50 : dy > 50, `the inputs moved the player (dy ${dy})`);
    assert.ok(running.at(-1)!.lastInputSeq >= seqs.length - 4, 'the server applied the numbered inputs');
    assert.equal(end.standings.length, 2);
  } finally {
    byName.close();
    typed.close();
  }
});
