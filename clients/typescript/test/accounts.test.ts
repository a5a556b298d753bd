// Account logins through the SDK against a real node: a guest registers a username (keeping its
// player), logs in with it from another client, and a wrong password is refused with its code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startNode, type RunningNode } from './support/node.js';
import { arenaClient, type ArenaClient } from './support/players.js';
import { PlayfieldError } from '../src/node.js';

let node: RunningNode;
const clients: ArenaClient[] = [];

before(async () => {
  node = await startNode();
});

after(async () => {
  clients.forEach((client) => client.close());
  await node?.stop();
});

async function connected(): Promise<ArenaClient> {
  const client = arenaClient(node.wsUrl, 'json');
  clients.push(client);
  await client.connect();
  return client;
}

test('a guest registers a username, keeps its player and logs in with it elsewhere', async () => {
  // The node may keep players across runs: a username of this run's own.
  const username = `ann-${randomUUID().slice(0, 8)}`;
  const password = 'correct horse battery';
  const guest = await connected();
  const asGuest = await guest.login({ name: 'ann' });
  guest.close();

  const linking = await connected();
  const linked = await linking.login({ name: '', token: asGuest.token, username, password, createAccount: true });
  assert.equal(linked.playerId, asGuest.playerId);
  linking.close();

  const elsewhere = await connected();
  const back = await elsewhere.login({ name: '', username: username.toUpperCase(), password });
  assert.equal(back.playerId, asGuest.playerId);
  assert.equal(back.name, 'ann');

  const mallory = await connected();
  await assert.rejects(mallory.login({ name: '', username, password: 'a wrong guess' }),
    (error: unknown) => error instanceof PlayfieldError && error.code === 'INVALID_CREDENTIALS');
});
