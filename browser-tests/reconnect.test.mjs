// The page's connection drops in mid-match (no reload): the SDK reconnects on its own, takes the
// seat back, and the keyboard goes on moving the player to the end of the same match.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startNode } from './server.mjs';
import { openBrowser } from './browser.mjs';
import { startBot } from './bot.mjs';

let node;
let browser;

before(async () => {
  node = await startNode({ PLAYFIELD_MODES_ARENA_SETTINGS_MATCH_SECONDS: '8' });
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  await node?.stop();
});

test('a dropped connection reconnects by itself and the match plays on', async () => {
  const page = await browser.context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(node.url + '/');
  await page.fill('#name', 'dana');
  await page.click('#play');
  await page.waitForSelector('body[data-phase="queued"]', { timeout: 10_000 });
  const bot = startBot(node.url, 'bot');
  await page.waitForSelector('body[data-phase="running"]', { timeout: 15_000 });
  await page.keyboard.down('ArrowLeft');
  await page.waitForTimeout(400);
  const before = await page.evaluate(() => ({ ...window.playfield.state }));
  assert.ok(before.lastInputSeq > 0);

  // The socket goes away under the page, as a network drop would: not a client.close().
  const seen = await page.evaluate(() => new Promise((resolve) => {
    const client = window.playfield.client;
    const events = [];
    client.on('close', (e) => events.push(`close ${e.willReconnect ? 'reconnect' : 'final'}`));
    client.on('reconnecting', (e) => events.push(`reconnecting ${e.attempt}`));
    client.on('resumed', (e) => { events.push(`resumed ${e.match?.roomId}`); resolve(events); });
    client.connection.close(3000, 'dropped by the test');
  }));
  assert.deepEqual(seen, ['close reconnect', 'reconnecting 1', `resumed ${before.roomId}`]);
  assert.equal(await page.getAttribute('body', 'data-phase'), 'running', 'still playing: no lobby in between');

  await page.waitForFunction((seq) => window.playfield.state.lastInputSeq > seq + 3, before.lastInputSeq, { timeout: 5_000 });
  await page.keyboard.up('ArrowLeft');
  await page.waitForSelector('body[data-phase="ended"]', { timeout: 20_000 });
  const names = await page.evaluate(() => window.playfield.standings.map((s) => `${s.name}:${s.left}`).sort());
  assert.deepEqual(names, ['bot:false', 'dana:false']);
  await bot.result;
  bot.close();
  assert.deepEqual(problems, [], 'no script errors on the page');
  await page.close();
});
