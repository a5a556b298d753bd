// The Liar's Dice example game's own page (served from the game's jar at /games/liars-dice/, on
// the SDK): two players in two browsers play a whole match through its buttons, one reloads in
// mid-match and takes the seat back, the other's socket drops and the SDK brings it back; then
// the reveal, the elimination, the final ranking and Play again. Skipped when the example's jar
// has not been built (mvn -f examples/liars-dice/pom.xml package).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNode } from './server.mjs';
import { openBrowser } from './browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DICE_JAR = path.join(ROOT, 'examples', 'liars-dice', 'target', 'liars-dice.jar');
const SKIP = existsSync(DICE_JAR) ? false : `${path.relative(ROOT, DICE_JAR)} is not built: no Liar's Dice page to play`;
const work = mkdtempSync(path.join(tmpdir(), 'playfield-dice-'));
let node;
const browsers = [];

before(async () => {
  if (SKIP) return;
  const games = path.join(work, 'games');
  mkdirSync(games);
  copyFileSync(DICE_JAR, path.join(games, 'liars-dice.jar'));
  // Two players with two dice each, quick turns and reveals: a match is a few rounds.
  const config = path.join(work, 'playfield.yaml');
  writeFileSync(config, [
    'modes:',
    '  liars-dice:',
    '    match-size: 2',
    '    min-players: 2',
    '    countdown-ms: 300',
    '    settings:',
    '      dice-per-player: 2',
    '      turn-seconds: 15',
    '      reveal-seconds: 1',
    '',
  ].join('\n'));
  node = await startNode({ PLAYFIELD_CONFIG: config, PLAYFIELD_GAMES_DIR: games });
  // One browser each: a browser's pages share localStorage, hence the player's identity.
  browsers.push(await openBrowser(), await openBrowser());
});

after(async () => {
  for (const b of browsers) await b.close();
  await node?.stop();
  rmSync(work, { recursive: true, force: true });
});

async function openPage(browser, query, name, problems) {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => problems.push(`${name}: ${e.message}`));
  await page.goto(`${node.url}/games/liars-dice/${query}`);
  await page.fill('#name', name);
  await page.click('#play');
  return page;
}

const view = (page) => page.getAttribute('body', 'data-view');
const table = (page) => page.evaluate(() => {
  const h = window.liarsDice;
  return { playerId: h.playerId, roomId: h.state?.roomId, seq: h.state?.lastInputSeq ?? 0, game: h.state?.game ?? null };
});

/**
 * Plays the page's turn if it is its turn: opens with the bid the controls suggest, and calls
 * liar on any bid, so every round ends at its second turn. Gives what it clicked, else undefined.
 */
async function playTurn(page) {
  if (await page.isEnabled('#liar')) { await page.click('#liar'); return 'liar'; }
  if (await page.isEnabled('#bid')) { await page.click('#bid'); return 'bid'; }
  return undefined;
}

/** Plays both pages until `done()` holds; bounded by `timeoutMs`. */
async function playUntil(pages, done, timeoutMs, seen) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    assert.ok(Date.now() < deadline, 'the match went on too long');
    for (const page of pages) {
      const clicked = await playTurn(page);
      if (clicked) seen.add(clicked);
      if (await page.evaluate(() => document.body.classList.contains('has-outcome') && document.querySelectorAll('#hands li').length > 0)) seen.add('reveal');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('a whole match on the Liar\'s Dice page, with a reload and a dropped connection', { skip: SKIP }, async () => {
  const problems = [];
  let ann = await openPage(browsers[0], '?mode=liars-dice', 'ann', problems);
  await ann.waitForSelector('body[data-view="queued"]', { timeout: 10_000 });
  assert.match(await ann.textContent('#status'), /In the queue for liars-dice/);
  const bob = await openPage(browsers[1], '', 'bob', problems);
  for (const page of [ann, bob]) {
    await page.waitForSelector('body[data-view="match"]', { timeout: 15_000 });
    await page.waitForFunction(() => window.liarsDice.state?.game?.stage === 'STAGE_BIDDING', null, { timeout: 10_000 });
  }
  const first = await table(ann);
  assert.equal(first.roomId, (await table(bob)).roomId, 'one table for both');
  assert.equal(await ann.locator('#your-dice .die').count(), 2, 'ann sees her two dice');
  assert.equal(await ann.locator('#players li').count(), 2);
  // The countdown is redrawn on the page's own timer, so it may show its placeholder for a moment.
  await ann.waitForFunction(() => /^\d+ s$/.test(document.querySelector('#countdown').textContent), null, { timeout: 2_000 });
  assert.match(await ann.textContent('#countdown'), /^\d+ s$/, 'the turn counts down');
  const turnLines = [await ann.textContent('#turn-line'), await bob.textContent('#turn-line')];
  assert.ok(turnLines.includes('Your turn') && turnLines.some((l) => l === 'ann to play' || l === 'bob to play'),
    `one page says it is its turn, the other whose (${turnLines})`);

  const seen = new Set();
  // Round 1 to its reveal; the bid shows on both pages.
  await playUntil([ann, bob], async () => seen.has('reveal'), 20_000, seen);
  assert.ok(seen.has('bid') && seen.has('liar'));
  assert.match(await bob.textContent('#outcome-title'), /calls liar on/);

  // Ann reloads: the page takes her seat back in the same match.
  await ann.reload();
  await ann.waitForSelector('body[data-view="match"]', { timeout: 10_000 });
  await ann.waitForFunction(() => !!window.liarsDice.state?.game, null, { timeout: 10_000 });
  const back = await table(ann);
  assert.equal(back.playerId, first.playerId, 'the same player');
  assert.equal(back.roomId, first.roomId, 'the same match');
  assert.equal(await ann.evaluate(() => window.liarsDice.client.match.resumed), true);

  // Bob's socket drops under the page: the SDK reconnects and resumes without a reload.
  const events = await bob.evaluate(() => new Promise((resolve) => {
    const client = window.liarsDice.client;
    const seenEvents = [];
    client.on('close', (e) => seenEvents.push(`close ${e.willReconnect ? 'reconnect' : 'final'}`));
    client.on('resumed', (e) => { seenEvents.push(`resumed ${e.match?.roomId}`); resolve(seenEvents); });
    client.connection.close(3000, 'dropped by the test');
  }));
  assert.deepEqual(events, ['close reconnect', `resumed ${first.roomId}`]);
  assert.equal(await view(bob), 'match', 'bob stays at the table');

  // Both play on to the end: the actions after the reload and the drop are applied.
  const annSeq = back.seq;
  await playUntil([ann, bob], async () => (await view(ann)) === 'match'
    && (await ann.evaluate(() => document.body.classList.contains('ended')))
    && (await bob.evaluate(() => document.body.classList.contains('ended'))), 60_000, seen);
  const end = await table(ann);
  assert.equal(end.game.stage, 'STAGE_GAME_OVER');
  assert.ok(end.seq > annSeq || end.game.players.some((p) => p.status === 'SEAT_STATUS_ELIMINATED'), 'the match went on after the reload');
  const out = end.game.players.filter((p) => p.status === 'SEAT_STATUS_ELIMINATED');
  assert.equal(out.length, 1, 'one player eliminated');
  assert.match(await ann.textContent('#turn-line'), /^(ann|bob) wins!$/);
  assert.match(await ann.textContent('#players'), /out in round \d+/);

  for (const page of [ann, bob]) {
    const rows = await page.locator('#standings tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    assert.deepEqual(rows.map((r) => r[0]), ['1', '2'], 'the final ranking');
    assert.deepEqual(rows.map((r) => r[1]).sort(), ['ann', 'bob']);
    assert.match(rows[0][3], /→/, 'ratings before and after');
  }
  const winner = await ann.evaluate(() => window.liarsDice.standings[0].name);
  assert.match(await ann.textContent('#turn-line'), new RegExp(`^${winner} wins!$`));

  // Play again: both queue again and a new match forms.
  await ann.click('#again');
  await bob.click('#again');
  for (const page of [ann, bob]) {
    await page.waitForFunction((room) => window.liarsDice.state?.game && window.liarsDice.state.roomId !== room,
      first.roomId, { timeout: 15_000 });
  }
  assert.equal(await view(ann), 'match');
  await ann.click('#leave');
  await ann.waitForSelector('body[data-view="lobby"]');
  await bob.waitForFunction(() => document.body.classList.contains('ended'), null, { timeout: 15_000 });

  assert.deepEqual(problems, [], 'no script errors on the pages');
  ann = await ann.close();
  await bob.close();
});
