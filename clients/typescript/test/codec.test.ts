// Both encodings against frames shaped as the protocol documents them (the README's exchange).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { create, fromBinary, fromJsonString, toBinary } from '@bufbuild/protobuf';
import { anyPack, anyUnpack } from '@bufbuild/protobuf/wkt';
import { codecFor } from '../src/codec.js';
import { GameTypes } from '../src/game-types.js';
import { arenaSchemas, ArenaInputSchema, ArenaStateSchema } from '../src/arena.js';
import { ClientMessageSchema, ServerMessageSchema, RoomPhase, ErrorCode } from '../src/gen/playfield/v1/playfield_pb.js';

const types = new GameTypes(arenaSchemas);
const input = create(ClientMessageSchema, {
  body: { case: 'input', value: { seq: 7, game: types.packInput(create(ArenaInputSchema, { dx: 1, dy: -0.5 })) } },
});

test('JSON writes an input as the README shows it, with the game input under @type', () => {
  const json = JSON.parse(codecFor('json', types.registry).encode(input) as string);
  assert.deepEqual(json, { input: { seq: 7, game: { '@type': 'type.googleapis.com/playfield.arena.ArenaInput', dx: 1, dy: -0.5 } } });
});

test('binary writes the same message as Protobuf', () => {
  const bytes = codecFor('binary', types.registry).encode(input) as Uint8Array;
  const back = fromBinary(ClientMessageSchema, bytes);
  assert.equal(back.body.case, 'input');
  if (back.body.case !== 'input') return;
  assert.equal(back.body.value.seq, 7);
  assert.equal(back.body.value.game?.typeUrl, 'type.googleapis.com/playfield.arena.ArenaInput');
  const game = anyUnpack(back.body.value.game!, ArenaInputSchema)!;
  assert.deepEqual([game.dx, game.dy], [1, -0.5]);
});

test('JSON reads a state with 64-bit ticks as strings, enum names and unknown fields', () => {
  const frame = JSON.stringify({
    requestId: 0,
    state: {
      roomId: '6f0c',
      tick: '31',
      lastInputSeq: 4,
      phase: 'ROOM_PHASE_RUNNING',
      addedInALaterVersion: true,
      game: { '@type': 'type.googleapis.com/playfield.arena.ArenaState', ticksLeft: 1169, width: 800, height: 600, players: [{ slot: 1, x: 200, y: 150, score: 3, present: true }] },
    },
  });
  const message = codecFor('json', types.registry).decode(frame);
  assert.equal(message.body.case, 'state');
  if (message.body.case !== 'state') return;
  const state = message.body.value;
  assert.equal(state.tick, 31n);
  assert.equal(state.phase, RoomPhase.RUNNING);
  const game = types.unpackState(state.game)!;
  assert.equal(game.ticksLeft, 1169);
  assert.equal(game.players[0]!.x, 200);
});

test('either codec reads either frame type: binary frames as ArrayBuffer, Uint8Array or Node Buffer', () => {
  const error = create(ServerMessageSchema, { requestId: 3, body: { case: 'error', value: { code: ErrorCode.RESUME_EXPIRED, message: 'late' } } });
  const bytes = toBinary(ServerMessageSchema, error);
  const json = codecFor('json', types.registry);
  for (const frame of [bytes, bytes.slice().buffer, Buffer.from(bytes)]) {
    const decoded = json.decode(frame);
    assert.equal(decoded.requestId, 3);
    assert.equal(decoded.body.case === 'error' && decoded.body.value.code, ErrorCode.RESUME_EXPIRED);
  }
  const text = codecFor('binary', types.registry).decode('{"requestId":3,"error":{"code":"RESUME_EXPIRED","message":"late"}}');
  assert.equal(text.body.case === 'error' && text.body.value.code, ErrorCode.RESUME_EXPIRED);
  assert.throws(() => json.decode(42), TypeError);
  assert.throws(() => json.decode('not json'));
});

test('a state of a type the client was not given unpacks to undefined, not a wrong type', () => {
  const other = anyPack(ArenaInputSchema, create(ArenaInputSchema, { dx: 1 }));
  assert.equal(types.unpackState(other), undefined);
  assert.equal(types.unpackState(undefined), undefined);
  const state = anyPack(ArenaStateSchema, create(ArenaStateSchema, { width: 5 }));
  assert.equal(types.unpackState(state)?.width, 5);
  assert.equal(fromJsonString(ClientMessageSchema, '{}').requestId, 0);
});
