// An operator opens the monitor page, is asked for the admin token, and then sees the node and a
// running room with its players and tick chart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startNode, ADMIN_TOKEN } from './server.mjs';
import { openBrowser } from './browser.mjs';
import { startBot } from './bot.mjs';

let node;
let browser;
const bots = [];

before(async () => {
  node = await startNode({ PLAYFIELD_MODES_ARENA_SETTINGS_MATCH_SECONDS: '30' });
  browser = await openBrowser();
});

after(async () => {
  bots.forEach((b) => b.close());
  await browser?.close();
  await node?.stop();
});

test('the monitor refuses a wrong token and shows the room with the right one', async () => {
  const page = await browser.context.newPage();
  await page.goto(node.url + '/admin/');
  assert.equal(await page.getAttribute('body', 'data-state'), 'locked');

  await page.fill('#token', 'not-the-token-at-all');
  await page.click('#unlock button[type=submit]');
  await page.waitForSelector('body[data-state="locked"]');
  await page.waitForFunction(() => document.querySelector('#unlock-error').textContent.includes('refused'));

  bots.push(startBot(node.url, 'ann'), startBot(node.url, 'bob'));
  await page.fill('#token', ADMIN_TOKEN);
  await page.click('#unlock button[type=submit]');
  await page.waitForSelector('#nodes tr', { timeout: 10_000 });
  await page.waitForSelector('.room canvas', { timeout: 15_000 });

  const room = await page.locator('.room').first().textContent();
  assert.match(room, /arena/);
  assert.match(room, /ann/);
  assert.match(room, /bob/);
  const monitored = await page.evaluate(() => window.playfieldMonitor.rooms.length);
  assert.equal(monitored, 1);
  const refreshes = await page.evaluate(() => window.playfieldMonitor.refreshes);
  await page.waitForFunction((n) => window.playfieldMonitor.refreshes > n, refreshes, { timeout: 5_000 });
  const stored = await page.evaluate(() => sessionStorage.getItem('playfield.adminToken'));
  assert.equal(stored, ADMIN_TOKEN, 'the token is kept for this tab only');
  await page.close();
});
