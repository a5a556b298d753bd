// Playfield browser client for the "arena" game: lobby, matchmaking queue, rendering and input,
// speaking the JSON encoding of playfield.v1 over one WebSocket.

import { Timeline, startRenderer, num, colorOf, STICK_RADIUS } from './render.js';

// Every element with an id, by id (index.html is small and ids are unique).
const ui = Object.fromEntries([...document.querySelectorAll('[id]')].map((n) => [n.id, n]));

const MODE = 'arena';
const INPUT_TYPE = 'type.googleapis.com/playfield.arena.ArenaInput';
const INPUT_MS = 50;          // minimum gap between repeated inputs
const PING_MS = 2000;
const KEYMAP = {
  KeyW: [0, -1], ArrowUp: [0, -1], KeyS: [0, 1], ArrowDown: [0, 1],
  KeyA: [-1, 0], ArrowLeft: [-1, 0], KeyD: [1, 0], ArrowRight: [1, 0],
};

// localStorage can throw (private mode, disabled storage); the game works without it.
const store = {
  get: (k) => { try { return localStorage.getItem(k); } catch { return null; } },
  set: (k, v) => { try { localStorage.setItem(k, v); } catch { /* ignore */ } },
  del: (k) => { try { localStorage.removeItem(k); } catch { /* ignore */ } },
};

// The resume token lives only as long as the tab: a reload takes the seat back, a new tab does not.
const tabStore = {
  get: (k) => { try { return sessionStorage.getItem(k); } catch { return null; } },
  set: (k, v) => { try { sessionStorage.setItem(k, v); } catch { /* ignore */ } },
  del: (k) => { try { sessionStorage.removeItem(k); } catch { /* ignore */ } },
};
const RESUME_KEY = 'playfield.resume';
const RECONNECT_TRIES = 5;
let reconnectTries = 0;       // automatic reconnections left after a drop in mid-match
let resyncSeq = false;        // after a resume, continue input seq from what the server applied

// Hook for automated browser tests. Mutated in place so a held reference stays current.
const hook = (window.playfield = { state: null, standings: null, playerId: null });

let ws = null;
let nextRequestId = 1;
const pending = new Map();    // requestId -> kind, so an error can be tied to the request that failed
let loggedIn = false;
let wantQueue = false;        // join the queue as soon as login completes
let queuedAt = 0;
let busy = false;             // a login/joinQueue is in flight: Play is disabled meanwhile
let note = 'Enter a name and press Play';
let match = null;             // { roomId, tickRate, you, players: Map slot -> PlayerInfo, timeline, ended }
let seq = 0;                  // last Input.seq sent in this match
let sentDir = { dx: 0, dy: 0 };
let lastSendAt = 0;
const keys = new Set();
let stick = null;             // active drag joystick { id, x0, y0, x, y } in canvas CSS px

// ---- phase and status ----------------------------------------------------------------------

const phase = () => document.body.dataset.phase;

function setPhase(p) {
  document.body.dataset.phase = p;
  ui.name.readOnly = loggedIn;          // the name is fixed once the server has accepted it
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
    p === 'queued' ? `In queue for ${MODE} · ${Math.floor((performance.now() - queuedAt) / 1000)}s`
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

// ---- connection ----------------------------------------------------------------------------

function connect() {
  if (ws && ws.readyState <= WebSocket.OPEN) return;   // already connecting or open
  const url = (location.protocol === 'https:' ? 'wss' : 'ws') + '://' + location.host + '/ws';
  const sock = (ws = new WebSocket(url, ['playfield.v1.json']));
  let opened = false;
  setNote('Connecting…');
  sock.onopen = () => { opened = true; resumeOrLogin(); };
  sock.onmessage = (e) => {
    if (typeof e.data !== 'string') return;            // JSON subprotocol: text frames only
    let msg;
    try { msg = JSON.parse(e.data); } catch { return; }
    handle(msg);
  };
  sock.onclose = (e) => {
    if (ws !== sock) return;                           // a stale socket we already replaced
    // Dropped in mid-match (network, or the node going away): come back and take the seat again,
    // unless another login took this player over (4001) or the server threw us out (4000).
    const inMatch = match && !match.ended;
    if (opened && inMatch && e.code !== 4001 && e.code !== 4000 && tabStore.get(RESUME_KEY) && reconnectTries > 0) {
      reconnectTries--;
      ws = null; loggedIn = false; pending.clear();
      setNote('Connection lost, reconnecting…');
      setTimeout(connect, 500);
      return;
    }
    ws = null; loggedIn = false; wantQueue = false; pending.clear();
    match = null; keys.clear(); stick = null;
    setBusy(false);
    ui.ping.textContent = '– ms';
    // The server says why it closed (draining, replaced by another login, too many errors).
    const why = e.reason ? ` (${e.reason})` : '';
    note = opened ? `Disconnected${why}. Press Play to reconnect.` : 'Cannot reach the server. Press Play to retry.';
    setPhase(phase() === 'ended' ? 'ended' : 'login');
  };
}

function send(msg, kind) {
  if (!ws || ws.readyState !== WebSocket.OPEN) return false;
  if (kind) {                                           // a reply is expected: tag it
    pending.set(nextRequestId, kind);
    msg = { requestId: nextRequestId++, ...msg };
  }
  ws.send(JSON.stringify(msg));
  return true;
}

function resumeOrLogin() {
  const resumeToken = tabStore.get(RESUME_KEY);
  if (!resumeToken) { login(); return; }
  setNote('Reconnecting…');
  send({ resume: { resumeToken } }, 'resume');
}

function login() {
  const name = ui.name.value.trim();
  const token = store.get('playfield.token');
  setNote('Logging in…');
  send({ login: token ? { name, token } : { name } }, 'login');
}

// Play / Play again: log in first if needed, then queue.
function play() {
  const name = ui.name.value.trim();
  if (busy) return;
  if (!name) { setPhase('login'); ui.name.focus(); return; }
  store.set('playfield.name', name);
  setBusy(true);
  if (loggedIn) { joinQueue(); return; }
  if (phase() === 'ended') setPhase('login');       // show the lobby while (re)connecting
  wantQueue = true;
  if (ws && ws.readyState === WebSocket.OPEN) login(); else connect();
}

function joinQueue() {
  wantQueue = false;
  setNote('Joining queue…');
  send({ joinQueue: { mode: MODE } }, 'joinQueue');
}

// ---- server messages -----------------------------------------------------------------------

const handlers = {
  loginOk(b) {
    loggedIn = true;
    hook.playerId = b.playerId || null;
    if (b.token) store.set('playfield.token', b.token);
    if (b.resumeToken) tabStore.set(RESUME_KEY, b.resumeToken);
    if (b.name) ui.name.value = b.name;
    ui.name.readOnly = true;
    setNote(`Logged in as ${b.name || ui.name.value}`);
    sendPing();
    if (wantQueue) joinQueue();
  },
  // A dropped session taken back (after a reload or a lost connection): back in the match if the
  // seat was still held, else in the lobby as the same player.
  resumed(b) {
    const wasInMatch = match && !match.ended ? match : null;
    handlers.loginOk(b.login || {});
    if (b.match) {
      if (!wasInMatch || wasInMatch.roomId !== b.match.roomId) handlers.matchFound(b.match);
      resyncSeq = true;
      setNote('Back in the match');
    } else {
      match = null;
      setPhase('login');
    }
  },
  queued() {
    queuedAt = performance.now();
    setBusy(false);
    setPhase('queued');
  },
  queueLeft() {
    setNote('Left the queue');
    setPhase('login');
  },
  matchFound(b) {
    const players = new Map((b.players || []).map((p) => [num(p.slot), p]));
    const tickRate = num(b.tickRate) || 20;
    match = { roomId: b.roomId || '', tickRate, you: b.yourPlayerId || hook.playerId, players, timeline: new Timeline(tickRate) };
    hook.playerId = match.you;
    hook.state = null;
    hook.standings = null;
    seq = 0; sentDir = { dx: 0, dy: 0 }; lastSendAt = 0;   // seq restarts at 1 in every match
    reconnectTries = RECONNECT_TRIES;
    document.activeElement?.blur?.();                        // so arrow keys reach the game
    setPhase('waiting');
    renderHud({});
  },
  state(s) {
    // Ignore left-overs from another room and late frames after the result is in.
    if (!match || match.ended || (s.roomId && s.roomId !== match.roomId)) return;
    const game = s.game || {};
    if (!match.timeline.push(num(s.tick), game, performance.now())) return;
    hook.state = s;
    if (resyncSeq) { seq = Math.max(seq, num(s.lastInputSeq)); resyncSeq = false; }
    if (s.phase === 'ROOM_PHASE_RUNNING' && phase() !== 'running') { setPhase('running'); pushInput(true); }
    else if (s.phase === 'ROOM_PHASE_WAITING' && phase() !== 'waiting') setPhase('waiting');
    renderHud(game);
  },
  matchEnd(b) {
    if (!match || (b.roomId && b.roomId !== match.roomId)) return;
    match.ended = true;
    hook.standings = b.standings || [];
    renderStandings(hook.standings);
    keys.clear(); stick = null;
    setPhase('ended');
  },
  pong(b) {
    const rtt = Date.now() - num(b.clientTime);
    if (rtt >= 0 && rtt < 60000) ui.ping.textContent = `${rtt} ms`;
  },
  error(b, kind) {
    const code = b.code || 'ERROR';
    if (kind === 'resume') {                          // the seat is gone or the token spent: log in afresh
      tabStore.del(RESUME_KEY);
      match = null;
      if (code === 'RESUME_EXPIRED') toast('Your seat was given up while you were away');
      setPhase('login');
      login();
      return;
    }
    if (kind === 'login' && (code === 'INVALID_TOKEN' || code === 'TOKEN_EXPIRED')) {
      store.del('playfield.token');                   // stale identity: start over as a new guest
      login();
      return;
    }
    if (kind === 'joinQueue' && code === 'ALREADY_QUEUED') { handlers.queued(); return; }
    toast(`${code}${b.message ? ': ' + b.message : ''}`);
    if (kind === 'login' || kind === 'joinQueue') {
      wantQueue = false;
      setBusy(false);
      setNote(kind === 'login' ? 'Login failed' : 'Could not join the queue');
      setPhase(phase() === 'ended' ? 'login' : phase());
    }
  },
};

function handle(msg) {
  const kind = msg.requestId ? pending.get(msg.requestId) : undefined;
  if (msg.requestId) pending.delete(msg.requestId);
  for (const k in handlers) if (msg[k]) return handlers[k](msg[k], kind);
}

function sendPing() {
  if (loggedIn) send({ ping: { clientTime: String(Date.now()) } }, 'ping');
}

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
// otherwise no more than every INPUT_MS, and only while moving or after a change.
function pushInput(urgent = false) {
  if (phase() !== 'running') return;
  const d = currentDir();
  const changed = d.dx !== sentDir.dx || d.dy !== sentDir.dy;
  if (!changed && !d.dx && !d.dy) return;
  if (!(urgent && changed) && performance.now() - lastSendAt < INPUT_MS - 5) return;
  seq += 1;
  if (send({ input: { seq, game: { '@type': INPUT_TYPE, dx: d.dx, dy: d.dy } } })) {
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
const isMe = (slot) => !!match?.you && match.players.get(slot)?.playerId === match.you;

function renderHud(game) {
  const left = Math.ceil(num(game.ticksLeft) / (match?.tickRate || 20));
  ui.time.textContent = game.ticksLeft === undefined ? '–:––' : `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  ui.goal.textContent = num(game.scoreLimit) ? `First to ${num(game.scoreLimit)} wins` : '';
  const bySlot = new Map((game.players || []).map((p) => [num(p.slot), p]));
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
    const before = num(s.ratingBefore), after = num(s.ratingAfter), delta = after - before;
    const tr = el('tr', s.playerId === hook.playerId ? 'me' : '');
    const rating = el('td', 'rating', `${before} → ${after} `);
    rating.append(el('span', delta > 0 ? 'up' : delta < 0 ? 'down' : 'same', `(${delta > 0 ? '+' : ''}${delta})`));
    tr.append(el('td', '', String(num(s.rank))), el('td', '', s.name || ''), el('td', '', String(num(s.score))), rating);
    return tr;
  }));
}

// ---- wiring --------------------------------------------------------------------------------

ui.name.value = store.get('playfield.name') || '';
ui.lobby.addEventListener('submit', (e) => { e.preventDefault(); play(); });
ui.cancel.addEventListener('click', () => send({ leaveQueue: {} }, 'leaveQueue'));
ui.again.addEventListener('click', play);
ui.back.addEventListener('click', () => { match = null; renderHud({}); setPhase('login'); });
ui.leave.addEventListener('click', () => {
  send({ leaveMatch: {} });
  match = null; keys.clear(); stick = null;   // later messages for that room are ignored
  renderHud({});
  setNote('You left the match');
  setPhase('login');
});

setInterval(() => pushInput(), INPUT_MS);        // repeats a held direction
setInterval(sendPing, PING_MS);
setInterval(() => { if (phase() === 'queued') updateStatus(); }, 250);
setPhase('login');
startRenderer(ui.canvas, ui.stage, () => ({
  timeline: match?.timeline, isMe, nameOf, waiting: phase() === 'waiting', stick,
}));

// After a reload, take the session (and the seat, if the match is still on) straight back.
if (tabStore.get(RESUME_KEY)) connect();
