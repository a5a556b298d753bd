// Private rooms through the SDK against a real node: one player creates a room, a friend joins with
// its code (a room of two is full, so it starts), both land in the same match; refusals by code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startNode, type RunningNode } from './support/node.js';
import { arenaClient, type ArenaClient } from './support/players.js';
import { PlayfieldError, type MatchInfo, type PrivateRoomInfo } from '../src/node.js';

let node: RunningNode;
const clients: ArenaClient[] = [];

before(async () => {
  node = await startNode();
});

after(async () => {
  clients.forEach((client) => client.close());
  await node?.stop();
});

async function player(name: string, encoding: 'json' | 'binary'): Promise<ArenaClient> {
  const client = arenaClient(node.wsUrl, encoding);
  clients.push(client);
  await client.connect();
  await client.login({ name });
  return client;
}

function nextMatch(client: ArenaClient): Promise<MatchInfo> {
  return new Promise((resolve) => {
    const off = client.on('matchFound', (match) => {
      off();
      resolve(match);
    });
  });
}

function nextRoom(client: ArenaClient): Promise<PrivateRoomInfo> {
  return new Promise((resolve) => {
    const off = client.on('privateRoom', (room) => {
      off();
      resolve(room);
    });
  });
}

test('a friend joins by code and a full room starts their match', async () => {
  const ann = await player('ann', 'binary');
  const bob = await player('bob', 'json');
  const room = await ann.createPrivateRoom('arena');
  assert.match(room.code, /^[A-Z2-9]{6}$/);
  assert.equal(room.creator, room.members[0]?.playerId);
  assert.deepEqual([room.capacity, room.minPlayers], [2, 2]);

  const annSeesBob = nextRoom(ann);
  const annFound = nextMatch(ann);
  const bobFound = nextMatch(bob);
  const joined = await bob.joinPrivateRoom(room.code.toLowerCase());
  assert.deepEqual(joined.members.map((m) => m.name), ['ann', 'bob']);
  assert.equal(joined.started, true);
  assert.deepEqual((await annSeesBob).members.map((m) => m.name), ['ann', 'bob']);
  const [a, b] = await Promise.all([annFound, bobFound]);
  assert.equal(a.roomId, b.roomId);
});

test('a wrong code and a start by a room of one are refused with their codes', async () => {
  const cat = await player('cat', 'json');
  await assert.rejects(cat.joinPrivateRoom('ZZZZZZ'),
    (error: unknown) => error instanceof PlayfieldError && error.code === 'ROOM_NOT_FOUND');
  await cat.createPrivateRoom('arena');
  await assert.rejects(cat.startPrivateRoom(),
    (error: unknown) => error instanceof PlayfieldError && error.code === 'NOT_ENOUGH_PLAYERS');
  await cat.leavePrivateRoom();
  await assert.rejects(cat.leavePrivateRoom(),
    (error: unknown) => error instanceof PlayfieldError && error.code === 'INVALID_STATE');
});

test('a listed room is in the list until it fills; the cursor gives what changed', async () => {
  const dan = await player('dan', 'binary');
  const eve = await player('eve', 'json');
  const room = await dan.createPrivateRoom('arena', { listed: true, label: 'dan plays' });
  const first = await eve.listRooms('arena');
  assert.deepEqual(first.rooms.map((r) => [r.code, r.label, r.listed]), [[room.code, 'dan plays', true]]);
  await eve.joinPrivateRoom(room.code);
  const changes = await eve.listRooms('arena', { since: first.cursor });
  assert.deepEqual(changes.removedCodes, [room.code]);
  assert.equal(changes.total, 0);
});
