// A player reloads the page in mid-match: the page (here in the JSON encoding) takes the seat back
// with its resume token through the SDK and plays on to the end of the same match.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startNode } from './server.mjs';
import { openBrowser } from './browser.mjs';
import { startBot } from './bot.mjs';

let node;
let browser;

before(async () => {
  node = await startNode({ PLAYFIELD_MODES_ARENA_SETTINGS_MATCH_SECONDS: '10' });
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  await node?.stop();
});

test('a reload in mid-match resumes the seat and the match plays on', async () => {
  const page = await browser.context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(node.url + '/?encoding=json');
  await page.fill('#name', 'carol');
  await page.click('#play');
  await page.waitForSelector('body[data-phase="queued"]', { timeout: 10_000 });
  const bot = startBot(node.url, 'bot', { encoding: 'binary' });
  await page.waitForSelector('body[data-phase="running"]', { timeout: 15_000 });
  await page.keyboard.down('ArrowRight');
  await page.waitForTimeout(500);
  await page.keyboard.up('ArrowRight');
  const before = await page.evaluate(() => ({ id: window.playfield.playerId, state: window.playfield.state }));
  assert.ok(Number(before.state.lastInputSeq) > 0, 'inputs were applied before the reload');

  await page.reload();
  await page.waitForSelector('body[data-phase="running"]', { timeout: 10_000 });
  const after = await page.evaluate(() => ({ id: window.playfield.playerId, state: window.playfield.state }));
  assert.equal(after.id, before.id, 'the same player');
  assert.equal(after.state.roomId, before.state.roomId, 'the same room');
  assert.equal(await page.evaluate(() => window.playfield.client.connection.encoding), 'json');

  // Inputs after the reload continue the sequence and are applied.
  await page.keyboard.down('ArrowDown');
  await page.waitForTimeout(600);
  await page.keyboard.up('ArrowDown');
  await page.waitForFunction((seq) => Number(window.playfield.state.lastInputSeq) > seq,
    Number(before.state.lastInputSeq), { timeout: 5_000 });

  await page.waitForSelector('body[data-phase="ended"]', { timeout: 20_000 });
  const names = await page.evaluate(() => window.playfield.standings.map((s) => s.name).sort());
  assert.deepEqual(names, ['bot', 'carol']);
  await bot.result;
  bot.close();
  assert.deepEqual(problems, [], 'no script errors on the page');
  await page.close();
});
