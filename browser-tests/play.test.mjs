// A player opens the browser client, logs in, plays a match against a bot, and sees the scores
// during the match and the ranking at its end; "Play again" queues again. The page speaks binary
// Protobuf through the SDK bundle; the bot, on the same bundle, speaks JSON.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startNode } from './server.mjs';
import { openBrowser } from './browser.mjs';
import { startBot } from './bot.mjs';

let node;
let browser;

before(async () => {
  node = await startNode();
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  await node?.stop();
});

test('log in, play a match against a bot, see the scores and the result', async () => {
  const page = await browser.context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(node.url + '/');
  assert.equal(await page.getAttribute('body', 'data-phase'), 'login');

  await page.fill('#name', 'alice');
  await page.click('#play');
  await page.waitForSelector('body[data-phase="queued"]', { timeout: 10_000 });
  const bot = startBot(node.url, 'bot');

  await page.waitForSelector('body[data-phase="running"]', { timeout: 15_000 });
  await page.keyboard.down('ArrowRight');
  await page.waitForTimeout(800);
  await page.keyboard.up('ArrowRight');
  await page.keyboard.down('KeyS');
  await page.waitForTimeout(600);
  await page.keyboard.up('KeyS');

  const scoreboard = await page.locator('#scoreboard li').allTextContents();
  assert.equal(scoreboard.length, 2, `two players on the scoreboard: ${scoreboard}`);
  assert.ok(scoreboard.some((row) => row.includes('alice')), `alice is on the scoreboard: ${scoreboard}`);
  assert.match(await page.textContent('#ping'), /^\d+ ms$/, 'the ping is shown');
  const state = await page.evaluate(() => window.playfield.state);
  assert.ok(Number(state.lastInputSeq) > 0, 'the server applied the keyboard input');
  assert.equal(await page.evaluate(() => window.playfield.client.connection.encoding), 'binary');

  await page.waitForSelector('body[data-phase="ended"]', { timeout: 20_000 });
  const standings = await page.locator('#standings tr').allTextContents();
  assert.equal(standings.length, 2, `two rows in the result: ${standings}`);
  assert.ok(standings.some((row) => row.startsWith('1') || row.includes('alice')));
  assert.ok(await page.isVisible('#results'), 'the result panel is on screen');
  const onScreen = await page.evaluate(() => window.playfield.standings.map((s) => s.name).sort());
  assert.deepEqual(onScreen, ['alice', 'bot']);
  const botEnd = await bot.result;
  assert.equal(botEnd.standings.length, 2);
  bot.close();

  await page.click('#again');
  await page.waitForSelector('body[data-phase="queued"]', { timeout: 10_000 });
  assert.deepEqual(problems, [], 'no script errors on the page');
  await page.close();
});
