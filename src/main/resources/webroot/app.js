// Playfield browser client for the "arena" game: lobby with a mode picker, queue, rendering and
// input. The protocol (encoding, request ids, resume, reconnection, ping) is the SDK's, served
// by the node as one ES module at /sdk/playfield-client.js.

import { PlayfieldClient, InterpolationBuffer, arenaSchemas, webStore } from './sdk/playfield-client.js';
import { startRenderer, blendArena, num, colorOf, STICK_RADIUS } from './render.js';

// Every element with an id, by id (index.html is small and ids are unique).
const ui = Object.fromEntries([...document.querySelectorAll('[id]')].map((n) => [n.id, n]));

const ARENA = 'arena';
const INPUT_MS = 50;          // minimum gap between repeated inputs
const KEYMAP = {
  KeyW: [0, -1], ArrowUp: [0, -1], KeyS: [0, 1], ArrowDown: [0, 1],
  KeyA: [-1, 0], ArrowLeft: [-1, 0], KeyD: [1, 0], ArrowRight: [1, 0],
};
const NAME_KEY = 'playfield.name';
const names = webStore(globalThis.localStorage);

// Binary Protobuf unless the page is opened with ?encoding=json (readable frames in the dev tools);
// ?mode=<name> picks the mode, as /api/modes links to games' pages.
const params = new URLSearchParams(location.search);
const encoding = params.get('encoding') === 'json' ? 'json' : 'binary';
const client = new PlayfieldClient({
  url: (location.protocol === 'https:' ? 'wss' : 'ws') + '://' + location.host + '/ws',
  encoding,
  game: arenaSchemas,
  // The identity outlives the tab (the same player and rating next time); the resume token lives
  // as long as the tab, so a reload takes the seat back and a new tab does not.
  identityStore: webStore(globalThis.localStorage),
  sessionStore: webStore(globalThis.sessionStorage),
});

// Hook for automated browser tests. Mutated in place so a held reference stays current.
const hook = (window.playfield = { state: null, standings: null, playerId: null, modes: null, mode: ARENA, client });

let mode = ARENA;             // the queue Play joins: arena or another mode of the arena game
let queuedAt = 0;
let busy = false;             // a login/joinQueue is in flight: Play is disabled meanwhile
let note = 'Enter a name and press Play';
let match = null;             // { info, players: Map slot -> Seat, buffer, ended }
let sentDir = { dx: 0, dy: 0 };
let lastSendAt = 0;
const keys = new Set();
let stick = null;             // active drag joystick { id, x0, y0, x, y } in canvas CSS px

// ---- phase and status ----------------------------------------------------------------------

const phase = () => document.body.dataset.phase;

function setPhase(p) {
  document.body.dataset.phase = p;
  ui.name.readOnly = !!client.identity;   // the name is fixed once the server has accepted it
  updateStatus();
}

function setBusy(b) {
  busy = b;
  ui.play.disabled = ui.again.disabled = b;
}

function setNote(text) { note = text; updateStatus(); }

function updateStatus() {
  const p = phase();
  ui.status.textContent =
    p === 'queued' ? `In queue for ${mode} · ${Math.floor((performance.now() - queuedAt) / 1000)}s`
    : p === 'waiting' ? 'Match found, get ready…'
    : p === 'running' ? 'In match'
    : p === 'ended' ? 'Match over'
    : note;
}

let toastTimer = 0;
function toast(text) {
  ui.toast.textContent = text;
  ui.toast.classList.add('show');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => ui.toast.classList.remove('show'), 4000);
}

const describe = (error) => error?.code ? `${error.code}${error.message.startsWith(error.code) ? error.message.slice(error.code.length) : ''}` : String(error);

// ---- lobby: modes, login, queue ------------------------------------------------------------

// Modes of the arena game are played here; a mode of another game links to that game's page.
async function showModes() {
  let modes;
  try { modes = await client.listModes(); } catch { modes = undefined; }
  hook.modes = modes ?? null;
  if (!modes || modes.length === 0) return;            // an older node: arena only
  const wanted = modes.find((m) => m.game === ARENA && m.name === params.get('mode'));
  if (wanted) mode = hook.mode = wanted.name;
  ui.modes.hidden = false;
  ui['mode-list'].replaceChildren(...modes.map((m) => {
    const details = `${m.matchSize} players · ${m.tickRate} Hz`;
    if (m.game === ARENA) {
      const label = el('label', 'mode');
      const radio = el('input');
      Object.assign(radio, { type: 'radio', name: 'mode', value: m.name, checked: m.name === mode });
      radio.addEventListener('change', () => { mode = hook.mode = m.name; });
      label.append(radio, el('span', 'mode-name', m.name), el('span', 'muted', details));
      return label;
    }
    if (m.page) {
      const link = el('a', 'mode link');
      link.href = m.page;
      link.append(el('span', 'mode-name', `${m.name} ↗`), el('span', 'muted', details));
      return link;
    }
    const other = el('span', 'mode unavailable');
    other.append(el('span', 'mode-name', m.name), el('span', 'muted', 'no browser page'));
    return other;
  }));
}

// Play / Play again: log in first if needed, then queue.
async function play() {
  const name = ui.name.value.trim();
  if (busy) return;
  if (!name) { setPhase('login'); ui.name.focus(); return; }
  names.set(NAME_KEY, name);
  setBusy(true);
  if (phase() === 'ended') setPhase('login');          // show the lobby while (re)connecting
  try {
    if (!client.identity) {
      setNote('Connecting…');
      await client.connect();
      setNote('Logging in…');
      const me = await client.login({ name });
      ui.name.value = me.name;
    }
    setNote('Joining queue…');
    await client.joinQueue(mode);
  } catch (error) {
    if (error?.code === 'ALREADY_QUEUED') { onQueued(); return; }
    toast(describe(error));
    setNote(client.identity ? 'Could not join the queue' : 'Cannot reach the server. Press Play to retry.');
    setPhase('login');
  } finally {
    setBusy(false);
  }
}

function onQueued() {
  queuedAt = performance.now();
  setBusy(false);
  setPhase('queued');
}

// ---- what the SDK reports ------------------------------------------------------------------

client.on('loggedIn', (me) => {
  hook.playerId = me.playerId;
  ui.name.value = me.name || ui.name.value;
  ui.name.readOnly = true;
  setNote(`Logged in as ${me.name}`);
});

client.on('queued', onQueued);
client.on('queueLeft', () => { setNote('Left the queue'); setPhase('login'); });

client.on('matchFound', (info) => {
  const players = new Map(info.players.map((p) => [p.slot, p]));
  const buffer = new InterpolationBuffer({ tickRate: info.tickRate, delayMs: 2000 / info.tickRate, interpolate: blendArena });
  match = { info, players, buffer, ended: false };
  hook.playerId = info.you;
  hook.state = null;
  hook.standings = null;
  sentDir = { dx: 0, dy: 0 }; lastSendAt = 0;
  document.activeElement?.blur?.();                    // so arrow keys reach the game
  setPhase('waiting');
  renderHud(null);
});

client.on('state', (s) => {
  if (!match || match.ended || s.roomId !== match.info.roomId || !s.game) return;
  match.buffer.push(s.tick, s.game, s.receivedAt);
  hook.state = { roomId: s.roomId, tick: s.tick, lastInputSeq: s.lastInputSeq, phase: s.phase };
  if (s.phase === 'running' && phase() !== 'running') { setPhase('running'); pushInput(true); }
  else if (s.phase === 'waiting' && phase() !== 'waiting') setPhase('waiting');
  renderHud(s.game);
});

client.on('matchEnd', (end) => {
  if (match) match.ended = true;
  hook.standings = end.standings;
  renderStandings(end.standings);
  keys.clear(); stick = null;
  setPhase('ended');
});

client.on('pong', (sample) => { ui.ping.textContent = `${Math.round(sample.rttMs)} ms`; });

// Errors no request was waiting for, such as an input the server refused.
client.on('error', (error) => toast(describe(error)));

client.on('close', (event) => {
  ui.ping.textContent = '– ms';
  if (event.willReconnect) { setNote('Connection lost, reconnecting…'); toast('Connection lost, reconnecting…'); return; }
  match = null; keys.clear(); stick = null;
  setBusy(false);
  // The server says why it closed (replaced by another login, too many errors).
  note = `Disconnected${event.reason ? ` (${event.reason})` : ''}. Press Play to reconnect.`;
  setPhase(phase() === 'ended' ? 'ended' : 'login');
});

client.on('resumed', (back) => {
  if (back.match) setNote('Back in the match');
  else { match = null; setPhase(back.requeued ? 'queued' : 'login'); setNote('Reconnected'); }
});

client.on('sessionLost', (lost) => {
  match = null;
  toast(lost.reason === 'RESUME_EXPIRED' ? 'Your seat was given up while you were away' : 'The connection is lost. Press Play to go on.');
  setNote('Press Play to go on');
  setPhase('login');
});

// ---- input ---------------------------------------------------------------------------------

function currentDir() {
  let dx = 0, dy = 0;
  if (stick) {
    dx = (stick.x - stick.x0) / STICK_RADIUS;
    dy = (stick.y - stick.y0) / STICK_RADIUS;
    if (Math.hypot(dx, dy) < 0.2) dx = dy = 0;         // dead zone against finger wobble
  } else {
    for (const k of keys) { dx += KEYMAP[k][0]; dy += KEYMAP[k][1]; }
    dx = Math.sign(dx); dy = Math.sign(dy);            // W plus ArrowUp is still one unit
  }
  const len = Math.hypot(dx, dy);
  if (len > 1) { dx /= len; dy /= len; }               // diagonals are not faster
  if (!stick) return { dx, dy };
  // Rounding keeps a jittery drag from producing a "new" direction every pixel
  // (a result a hair over length 1 is fine: the server scales it down).
  const r = (v) => Math.round(v * 20) / 20 || 0;
  return { dx: r(dx), dy: r(dy) };
}

// Sends the current direction: at once when `urgent` and it changed (key press/release),
// otherwise no more than every INPUT_MS, and only while moving or after a change. The SDK
// numbers it, and keeps it for a resend if the connection drops before the server applied it.
function pushInput(urgent = false) {
  if (phase() !== 'running') return;
  const d = currentDir();
  const changed = d.dx !== sentDir.dx || d.dy !== sentDir.dy;
  if (!changed && !d.dx && !d.dy) return;
  if (!(urgent && changed) && performance.now() - lastSendAt < INPUT_MS - 5) return;
  if (client.sendInput(d) !== undefined) {
    sentDir = d;
    lastSendAt = performance.now();
  }
}

// e.code keeps WASD on the same physical keys on any layout; e.key covers synthetic events.
function keyCode(e) {
  if (KEYMAP[e.code]) return e.code;
  const k = e.key && e.key.length === 1 ? 'Key' + e.key.toUpperCase() : e.key;
  return KEYMAP[k] ? k : null;
}

const inGame = () => phase() === 'running' || phase() === 'waiting';

window.addEventListener('keydown', (e) => {
  const k = keyCode(e);
  if (!k || !inGame() || e.target instanceof HTMLInputElement) return;
  e.preventDefault();                                  // arrows must not scroll the page
  keys.add(k);
  pushInput(true);
});
window.addEventListener('keyup', (e) => {
  const k = keyCode(e);
  if (!k) return;
  keys.delete(k);
  pushInput(true);
});
window.addEventListener('blur', () => { keys.clear(); stick = null; pushInput(true); });

// A drag anywhere on the field is a joystick centred where it started.
ui.canvas.addEventListener('pointerdown', (e) => {
  if (!inGame() || stick) return;
  const r = ui.canvas.getBoundingClientRect();
  const x = e.clientX - r.left, y = e.clientY - r.top;
  stick = { id: e.pointerId, x0: x, y0: y, x, y };
  ui.canvas.setPointerCapture(e.pointerId);
  e.preventDefault();
});
ui.canvas.addEventListener('pointermove', (e) => {
  if (!stick || e.pointerId !== stick.id) return;
  const r = ui.canvas.getBoundingClientRect();
  stick.x = e.clientX - r.left; stick.y = e.clientY - r.top;
  pushInput();
});
const endStick = (e) => {
  if (!stick || e.pointerId !== stick.id) return;
  stick = null;
  pushInput(true);
};
ui.canvas.addEventListener('pointerup', endStick);
ui.canvas.addEventListener('pointercancel', endStick);

// ---- HUD -----------------------------------------------------------------------------------

function el(tag, cls, text) {
  const n = document.createElement(tag);
  if (cls) n.className = cls;
  if (text !== undefined) n.textContent = text;    // textContent: names are untrusted
  return n;
}

const nameOf = (slot) => match?.players.get(slot)?.name || `Player ${slot + 1}`;
const isMe = (slot) => !!match && match.players.get(slot)?.playerId === match.info.you;

function renderHud(game) {
  const left = Math.ceil(num(game?.ticksLeft) / (match?.info.tickRate || 20));
  ui.time.textContent = game ? `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}` : '–:––';
  ui.goal.textContent = num(game?.scoreLimit) ? `First to ${num(game.scoreLimit)} wins` : '';
  const bySlot = new Map((game?.players || []).map((p) => [p.slot, p]));
  const slots = [...new Set([...(match?.players.keys() || []), ...bySlot.keys()])];
  const rows = slots.map((slot) => ({ slot, score: num(bySlot.get(slot)?.score), gone: bySlot.get(slot)?.present === false }))
    .sort((a, b) => b.score - a.score || a.slot - b.slot);
  ui.scoreboard.replaceChildren(...rows.map(({ slot, score, gone }) => {
    const li = el('li', (isMe(slot) ? 'me ' : '') + (gone ? 'gone' : ''));
    const dot = el('span', 'dot');
    dot.style.background = colorOf(slot);
    li.append(dot, el('span', 'who', nameOf(slot) + (gone ? ' (left)' : '')), el('span', 'score', String(score)));
    return li;
  }));
}

function renderStandings(list) {
  ui.standings.replaceChildren(...list.map((s) => {
    const delta = s.ratingAfter - s.ratingBefore;
    const tr = el('tr', s.playerId === hook.playerId ? 'me' : '');
    const rating = el('td', 'rating', `${s.ratingBefore} → ${s.ratingAfter} `);
    rating.append(el('span', delta > 0 ? 'up' : delta < 0 ? 'down' : 'same', `(${delta > 0 ? '+' : ''}${delta})`));
    tr.append(el('td', '', String(s.rank)), el('td', '', s.name), el('td', '', String(s.score)), rating);
    return tr;
  }));
}

// ---- wiring --------------------------------------------------------------------------------

ui.name.value = names.get(NAME_KEY) || '';
ui.lobby.addEventListener('submit', (e) => { e.preventDefault(); play(); });
ui.cancel.addEventListener('click', () => client.leaveQueue().catch((error) => toast(describe(error))));
ui.again.addEventListener('click', play);
ui.back.addEventListener('click', () => { match = null; renderHud(null); setPhase('login'); });
ui.leave.addEventListener('click', () => {
  client.leaveMatch().catch(() => undefined);   // the seat is given up either way
  match = null; keys.clear(); stick = null;      // later messages for that room are ignored
  renderHud(null);
  setNote('You left the match');
  setPhase('login');
});

setInterval(() => pushInput(), INPUT_MS);        // repeats a held direction
setInterval(() => { if (phase() === 'queued') updateStatus(); }, 250);
setPhase('login');
startRenderer(ui.canvas, ui.stage, (now) => ({
  game: match?.buffer.sample(now)?.state ?? null, isMe, nameOf, waiting: phase() === 'waiting', stick,
}));
showModes();

// After a reload, take the session (and the seat, if the match is still on) straight back.
if (client.canResume) {
  setNote('Reconnecting…');
  client.connect()
    .then(() => client.resume())
    .then((back) => { if (!back.match) setNote(`Logged in as ${back.identity.name}`); })
    .catch((error) => {
      if (error?.code === 'RESUME_EXPIRED') toast('Your seat was given up while you were away');
      setNote('Enter a name and press Play');
      setPhase('login');
    });
}
