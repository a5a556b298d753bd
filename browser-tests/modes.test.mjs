// The lobby's mode picker, fed by GET /api/modes: every mode of the arena game is played on this
// page (the picked one is the queue Play joins); a mode of another game with its own page is a
// link to that page. The node gets a second arena mode from a configuration file, and the
// Liar's Dice example game when its jar has been built (examples/liars-dice).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNode } from './server.mjs';
import { openBrowser } from './browser.mjs';
import { startBot } from './bot.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DICE_JAR = path.join(ROOT, 'examples', 'liars-dice', 'target', 'liars-dice.jar');
const work = mkdtempSync(path.join(tmpdir(), 'playfield-modes-'));
let node;
let browser;

before(async () => {
  const config = path.join(work, 'playfield.yaml');
  writeFileSync(config, [
    'modes:',
    '  arena-duo:',
    '    game: arena',
    '    match-size: 2',
    '    min-players: 2',
    '    fill-timeout-ms: 500',
    '    countdown-ms: 300',
    '    base-rating-gap: 100',
    '    gap-widen-per-second: 50',
    '    max-rating-gap: 1000',
    '    tick-rate: 20',
    '    state-every-ticks: 1',
    '    max-inputs-per-tick: 4',
    '    input-queue-size: 32',
    '    settings:',
    '      match-seconds: 30',
    '',
  ].join('\n'));
  const env = { PLAYFIELD_CONFIG: config };
  if (existsSync(DICE_JAR)) {
    const games = path.join(work, 'games');
    mkdirSync(games);
    copyFileSync(DICE_JAR, path.join(games, 'liars-dice.jar'));
    env.PLAYFIELD_GAMES_DIR = games;
  }
  node = await startNode(env);
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  await node?.stop();
  rmSync(work, { recursive: true, force: true });
});

test('the picker offers every arena mode, and Play joins the one picked', async () => {
  const page = await browser.context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(node.url + '/');
  await page.waitForSelector('#modes:not([hidden]) input[value="arena-duo"]');
  const offered = await page.locator('#mode-list input[type=radio]').evaluateAll((radios) => radios.map((r) => [r.value, r.checked]));
  assert.deepEqual(offered.sort(), [['arena', true], ['arena-duo', false]]);

  await page.check('input[value="arena-duo"]');
  await page.fill('#name', 'duo');
  await page.click('#play');
  await page.waitForSelector('body[data-phase="queued"]', { timeout: 10_000 });
  assert.match(await page.textContent('#status'), /In queue for arena-duo/);
  const bot = startBot(node.url, 'duo-bot', { mode: 'arena-duo' });
  await page.waitForSelector('body[data-phase="running"]', { timeout: 15_000 });
  const mode = await page.evaluate(() => window.playfield.client.match.mode);
  assert.equal(mode, 'arena-duo', 'the match is one of the mode picked');
  await page.click('#leave');
  await bot.result;
  bot.close();
  assert.deepEqual(problems, []);
  await page.close();
});

test('?mode= in the page URL picks that mode', async () => {
  const page = await browser.context.newPage();
  await page.goto(node.url + '/?mode=arena-duo');
  await page.waitForSelector('#modes:not([hidden]) input[value="arena-duo"]:checked');
  assert.equal(await page.evaluate(() => window.playfield.mode), 'arena-duo');
  await page.goto(node.url + '/?mode=no-such-mode');
  await page.waitForSelector('#modes:not([hidden]) input[value="arena"]:checked');
  await page.close();
});

test('a mode of another game with its own page is a link to it', async (t) => {
  if (!existsSync(DICE_JAR)) {
    t.skip(`${path.relative(ROOT, DICE_JAR)} is not built: no game with a page of its own to link to`);
    return;
  }
  const page = await browser.context.newPage();
  await page.goto(node.url + '/');
  const link = page.locator('#mode-list a.mode', { hasText: 'liars-dice' });
  await link.waitFor({ timeout: 10_000 });
  const listed = (await (await fetch(node.url + '/api/modes')).json()).modes.find((m) => m.name === 'liars-dice');
  assert.match(listed.page, /^\/games\/liars-dice\//);
  assert.equal(await link.getAttribute('href'), listed.page, 'the link is the page /api/modes names');
  assert.equal(await page.locator('#mode-list input[value="liars-dice"]').count(), 0, 'not played on the arena page');
  await link.click();
  await page.waitForURL((url) => url.pathname === '/games/liars-dice/');
  assert.ok((await page.content()).length > 200, 'the game page is served');
  await page.close();
});
