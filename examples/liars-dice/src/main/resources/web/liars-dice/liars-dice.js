// Liar's Dice in the browser: guest login, the queue of the mode in ?mode= (liars-dice by
// default), and the table. The protocol (login, resume, reconnection, input numbering, ping) is
// the SDK's, served by the node as one ES module. The page has no build step and so no generated
// code: the SDK passes the game's messages (liars_dice.proto) through as their proto3 JSON objects.

import { PlayfieldClient, jsonGame, webStore } from '/sdk/playfield-client.js';

// Every element with an id, by id in camelCase ("your-dice" is ui.yourDice).
const ui = Object.fromEntries([...document.querySelectorAll('[id]')]
  .map((n) => [n.id.replace(/-(\w)/g, (_, c) => c.toUpperCase()), n]));

const MODE = new URLSearchParams(location.search).get('mode') || 'liars-dice';
const NAME_KEY = 'playfield.name';
const PIPS = ['', '⚀', '⚁', '⚂', '⚃', '⚄', '⚅'];

const names = webStore(globalThis.localStorage);
const client = new PlayfieldClient({
  url: (location.protocol === 'https:' ? 'wss' : 'ws') + '://' + location.host + '/ws',
  game: jsonGame('playfield.liarsdice.LiarsDiceState', 'playfield.liarsdice.LiarsDiceInput'),
  // The identity outlives the tab (the same player and rating next time); the resume token lives
  // as long as the tab, so a reload takes the seat back and a second tab does not.
  identityStore: webStore(globalThis.localStorage),
  sessionStore: webStore(globalThis.sessionStorage),
});

// Hook for automated browser tests; mutated in place so a held reference stays current.
const hook = (window.liarsDice = { state: null, standings: null, playerId: null, mode: MODE, client });

let busy = false;            // a login or joinQueue is in flight: Play waits for it
let match = null;            // { roomId, tickRate, players: Map slot -> Seat, ended }
let game = null;             // the newest LiarsDiceState, as JSON
let awaitingSeq = 0;         // an action sent and not yet applied: the controls wait for it
let face = 1;                // the face picked in the controls
let preparedTurn = 0;        // the turn the controls were last filled in for
// Room ticks and game ticks differ by a constant; a state sent right after a change tells it.
let tickOffset = Infinity;
let clock = null;            // { gameTick, at }: the game tick a state stood for, and when it came

const num = (v) => Number(v) || 0;
const nameOf = (slot) => match?.players.get(slot)?.name || `Player ${slot + 1}`;
const mySlot = () => (game ? num(game.you) : -1);

function el(tag, cls, text) {
  const n = document.createElement(tag);
  if (cls) n.className = cls;
  if (text !== undefined) n.textContent = text;   // textContent: names come from other players
  return n;
}

function setView(view, note) {
  document.body.dataset.view = view;
  if (note !== undefined) ui.status.textContent = note;
  ui.name.readOnly = !!client.identity;            // the name is fixed once the server took it
}

function setBusy(b) {
  busy = b;
  ui.play.disabled = ui.again.disabled = b;
}

let toastTimer = 0;
function toast(text) {
  ui.toast.textContent = text;
  ui.toast.classList.add('show');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => ui.toast.classList.remove('show'), 4000);
}

const describe = (error) => (error?.code ? `${error.code}${error.message ? ': ' + error.message : ''}` : String(error));

// ---- lobby ---------------------------------------------------------------------------------

// Play / Play again: log in first if needed, then queue.
async function play() {
  const name = ui.name.value.trim();
  if (busy) return;
  if (!name) { ui.name.focus(); return; }
  names.set(NAME_KEY, name);
  setBusy(true);
  try {
    if (!client.identity) {
      ui.status.textContent = 'Connecting…';
      await client.connect();
      ui.status.textContent = 'Logging in…';
      await client.login({ name });
    }
    ui.status.textContent = 'Joining the queue…';
    await client.joinQueue(MODE);
  } catch (error) {
    if (error?.code === 'ALREADY_QUEUED') { onQueued(); return; }
    toast(describe(error));
    setView('lobby', client.identity ? 'Could not join the queue' : 'Cannot reach the server. Press Play to retry.');
  } finally {
    setBusy(false);
  }
}

function onQueued() {
  setView('queued', `In the queue for ${MODE}…`);
}

function leaveTable(note) {
  match = null; game = null;
  setView('lobby', note);
}

// ---- what the SDK reports ------------------------------------------------------------------

client.on('loggedIn', (me) => {
  hook.playerId = me.playerId;
  if (me.name) ui.name.value = me.name;
  setView(document.body.dataset.view, `Logged in as ${me.name || ui.name.value}`);
});

client.on('queued', onQueued);
client.on('queueLeft', () => setView('lobby', 'Left the queue'));

client.on('matchFound', (info) => {
  match = { roomId: info.roomId, tickRate: info.tickRate || 10, players: new Map(info.players.map((p) => [p.slot, p])), ended: false };
  hook.playerId = info.you;
  game = null; hook.state = null; hook.standings = null;
  awaitingSeq = 0; preparedTurn = 0; tickOffset = Infinity; clock = null;
  document.body.classList.remove('ended', 'has-outcome');
  setView('match', info.resumed ? 'Back at the table' : 'Match found');
  render();
});

client.on('state', (s) => {
  if (!match || match.ended || s.roomId !== match.roomId || !s.game) return;
  const turnBefore = game ? num(game.turn) : 0;
  game = s.game;
  hook.state = { roomId: s.roomId, tick: s.tick, phase: s.phase, lastInputSeq: s.lastInputSeq, game };
  // The action was applied, or the table moved on without it (dropped, or the turn ran out).
  if (s.lastInputSeq >= awaitingSeq || num(game.turn) !== turnBefore) awaitingSeq = 0;
  if (s.phase === 'running') {
    tickOffset = Math.min(tickOffset, s.tick - num(game.updatedAtTick));
    clock = { gameTick: s.tick - tickOffset, at: s.receivedAt };
    ui.status.textContent = 'Playing';
  } else if (s.phase === 'waiting') {
    ui.status.textContent = 'Get ready…';
  }
  render();
});

client.on('matchEnd', (end) => {
  if (!match || end.roomId !== match.roomId) return;
  match.ended = true;
  hook.standings = end.standings;
  renderStandings(end.standings);
  document.body.classList.add('ended');
  ui.status.textContent = 'Match over';
  render();
});

// Errors no request was waiting for, such as an input the server refused.
client.on('error', (error) => toast(describe(error)));

client.on('close', (event) => {
  if (event.willReconnect) { ui.status.textContent = 'Connection lost, reconnecting…'; return; }
  setBusy(false);
  if (match && !match.ended) match = null;
  // The server says why it closed (replaced by another login, too many errors).
  setView(match ? 'match' : 'lobby', `Disconnected${event.reason ? ` (${event.reason})` : ''}. Press Play to reconnect.`);
});

client.on('reconnecting', ({ attempt, maxAttempts }) => {
  ui.status.textContent = `Connection lost, reconnecting (${attempt} of ${maxAttempts})…`;
});

client.on('resumed', (back) => {
  tickOffset = Infinity;       // the first state after a resume may be an old view: learn again
  if (back.match) ui.status.textContent = 'Back at the table';
  else if (back.requeued) onQueued();
  else if (match && !match.ended) leaveTable('Reconnected');
});

client.on('sessionLost', (lost) => {
  if (match && !match.ended) match = null;
  toast(lost.reason === 'RESUME_EXPIRED' ? 'Your seat was given up while you were away' : 'The connection is lost. Press Play to go on.');
  setView(match ? 'match' : 'lobby', 'Press Play to go on');
});

// ---- actions ---------------------------------------------------------------------------------

function myTurn() {
  return !!game && !match?.ended && game.stage === 'STAGE_BIDDING' && num(game.currentPlayer) === mySlot()
    && (game.players || [])[mySlot()]?.status === 'SEAT_STATUS_IN';
}

function lastBid() {
  const bids = game?.bids || [];
  return bids.length ? bids[bids.length - 1] : null;
}

function beats(quantity, f, last) {
  return !last || quantity > num(last.quantity) || (quantity === num(last.quantity) && f > num(last.face));
}

function act(action) {
  if (!myTurn() || awaitingSeq) return;
  // The SDK numbers the input and, after a dropped connection, sends it again once resumed.
  const seq = client.sendInput({ turn: num(game.turn), ...action });
  if (seq !== undefined) {
    awaitingSeq = seq;
    render();
  }
}

// The controls start each of my turns at the lowest bid that beats the last one.
function prepareControls() {
  if (preparedTurn === num(game.turn)) return;
  preparedTurn = num(game.turn);
  const last = lastBid();
  if (!last) {
    const counts = [0, 0, 0, 0, 0, 0, 0];
    (game.yourDice || []).forEach((d) => counts[num(d)]++);
    face = counts.indexOf(Math.max(...counts.slice(1)), 1);
    ui.quantity.value = 1;
  } else if (num(last.face) < 6) {
    face = num(last.face) + 1;
    ui.quantity.value = num(last.quantity);
  } else {
    face = 1;
    ui.quantity.value = num(last.quantity) + 1;
  }
}

// ---- rendering -------------------------------------------------------------------------------

function die(value, cls) {
  const d = el('span', 'die' + (cls ? ' ' + cls : ''), PIPS[num(value)] || '?');
  d.title = String(num(value));
  return d;
}

function render() {
  if (!match) return;
  if (!game) { ui.turnLine.textContent = 'Waiting for the first deal…'; return; }
  const me = mySlot();
  const current = num(game.currentPlayer);
  const stage = game.stage;
  ui.round.textContent = `Round ${num(game.round)}`;
  ui.turnLine.textContent = stage === 'STAGE_GAME_OVER'
    ? `${nameOf(num(game.winner))} wins!`
    : stage === 'STAGE_ROUND_OVER' ? 'Next round soon…'
    : current === me ? 'Your turn' : `${nameOf(current)} to play`;

  ui.players.replaceChildren(...(game.players || []).map((p) => {
    const slot = num(p.slot);
    const out = p.status !== 'SEAT_STATUS_IN';
    const li = el('li', [slot === me ? 'me' : '', out ? 'out' : '', !out && stage === 'STAGE_BIDDING' && slot === current ? 'current' : ''].join(' '));
    const status = p.status === 'SEAT_STATUS_LEFT' ? `left in round ${num(p.outRound)}`
      : p.status === 'SEAT_STATUS_ELIMINATED' ? `out in round ${num(p.outRound)}` : '';
    li.append(el('span', 'who', nameOf(slot) + (slot === me ? ' (you)' : '')),
      el('span', 'hidden-dice', out ? status : '▣'.repeat(num(p.dice))));
    return li;
  }));

  const mine = game.yourDice || [];
  ui.yourDice.replaceChildren(...mine.map((d) => die(d)));
  const seat = (game.players || [])[me];
  ui.outNote.textContent = seat && seat.status !== 'SEAT_STATUS_IN' ? 'You are out: watch the others finish.' : '';

  ui.bids.replaceChildren(...(game.bids || []).map((b) =>
    el('li', '', `${nameOf(num(b.slot))}: ${num(b.quantity)} × ${PIPS[num(b.face)]} (${num(b.face)})`)));
  if (!(game.bids || []).length) ui.bids.replaceChildren(el('li', 'muted', stage === 'STAGE_BIDDING' ? 'No bid yet' : '—'));

  renderControls();
  ui.rejection.textContent = game.lastRejection || '';
  renderOutcome();
  tickCountdown();
}

function renderControls() {
  const mine = myTurn();
  if (mine) prepareControls();
  const quantity = Math.floor(num(ui.quantity.value));
  ui.quantity.max = String(num(game.diceInPlay));
  ui.faces.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(num(b.value) === face)));
  const waiting = !mine || !!awaitingSeq;
  const validBid = quantity >= 1 && quantity <= num(game.diceInPlay) && beats(quantity, face, lastBid());
  ui.bid.disabled = waiting || !validBid;
  ui.liar.disabled = waiting || !lastBid();
  ui.quantity.disabled = ui.faces.disabled = waiting;
}

function renderOutcome() {
  const end = game.roundEnd;
  document.body.classList.toggle('has-outcome', !!end && !!end.cause);
  if (!end || !end.cause) return;
  const loser = num(end.loser);
  const lost = end.dieLost ? `${nameOf(loser)} ${end.eliminated ? 'loses the last die and is out' : 'loses a die'}.` : 'Nobody loses a die: the bidder has left.';
  if (end.cause === 'ROUND_END_CAUSE_TIMEOUT') {
    ui.outcomeTitle.textContent = `Round ${num(end.round)}: time ran out`;
    ui.outcomeText.textContent = `${nameOf(loser)} did not act in time. ${lost}`;
    ui.hands.replaceChildren();
    return;
  }
  const bid = end.challengedBid || {};
  const f = num(bid.face);
  ui.outcomeTitle.textContent = `Round ${num(end.round)}: ${nameOf(num(end.challenger))} calls liar on ${nameOf(num(bid.slot))}`;
  ui.outcomeText.textContent = `The bid was ${num(bid.quantity)} × ${f}; the table shows ${num(end.actualCount)}. ${lost}`;
  ui.hands.replaceChildren(...(end.hands || []).map((h) => {
    const li = el('li', '', '');
    li.append(el('span', 'who', nameOf(num(h.slot))), ...(h.dice || []).map((d) => die(d, 'small' + (num(d) === f ? ' match' : ''))));
    return li;
  }));
}

// The countdown runs on the page between states: the state says when the stage ends, in game ticks.
function tickCountdown() {
  const running = game && clock && !match?.ended && (game.stage === 'STAGE_BIDDING' || game.stage === 'STAGE_ROUND_OVER');
  if (!running) { ui.countdown.textContent = '–'; ui.barFill.style.width = '0'; return; }
  const rate = match.tickRate;
  const now = clock.gameTick + ((performance.now() - clock.at) / 1000) * rate;
  const left = Math.max(0, (num(game.endsAtTick) - now) / rate);
  const total = Math.max(1, num(game.stageTicks)) / rate;
  ui.countdown.textContent = `${Math.ceil(left)} s`;
  ui.barFill.style.width = `${Math.min(100, (left / total) * 100)}%`;
  ui.barFill.classList.toggle('low', game.stage === 'STAGE_BIDDING' && left < 5);
}

function renderStandings(list) {
  ui.standings.replaceChildren(...list.map((s) => {
    const delta = s.ratingAfter - s.ratingBefore;
    const tr = el('tr', s.playerId === hook.playerId ? 'me' : '');
    const rating = el('td', '', `${s.ratingBefore} → ${s.ratingAfter} `);
    rating.append(el('span', delta > 0 ? 'up' : delta < 0 ? 'down' : '', `(${delta > 0 ? '+' : ''}${delta})`));
    tr.append(el('td', '', String(s.rank)), el('td', '', s.name + (s.left ? ' (left)' : '')), el('td', '', String(s.score)), rating);
    return tr;
  }));
}

// ---- wiring --------------------------------------------------------------------------------

for (let f = 1; f <= 6; f++) {
  const b = el('button', '', PIPS[f]);
  b.type = 'button';
  b.value = String(f);
  b.title = `Face ${f}`;
  b.addEventListener('click', () => { face = f; if (game) renderControls(); });
  ui.faces.append(b);
}
ui.quantity.addEventListener('input', () => { if (game) renderControls(); });
ui.controls.addEventListener('submit', (e) => {
  e.preventDefault();
  act({ bid: { quantity: Math.floor(num(ui.quantity.value)), face } });
});
ui.liar.addEventListener('click', () => act({ callLiar: {} }));
ui.lobby.addEventListener('submit', (e) => { e.preventDefault(); play(); });
ui.cancel.addEventListener('click', () => client.leaveQueue().catch((error) => toast(describe(error))));
ui.again.addEventListener('click', () => { leaveTable(); play(); });
ui.back.addEventListener('click', () => leaveTable('Press Play for another match'));
ui.leave.addEventListener('click', () => {
  client.leaveMatch().catch(() => undefined);   // the seat is given up either way
  leaveTable('You left the match');              // later messages for that room are ignored
});

setInterval(tickCountdown, 200);
ui.name.value = names.get(NAME_KEY) || '';
setView('lobby');

// After a reload, take the session (and the seat, if the match is still on) straight back.
if (client.canResume) {
  ui.status.textContent = 'Reconnecting…';
  client.connect()
    .then(() => client.resume())
    .then((back) => { if (!back.match) setView('lobby', `Logged in as ${back.identity.name}`); })
    .catch((error) => {
      if (error?.code === 'RESUME_EXPIRED') toast('Your seat was given up while you were away');
      setView('lobby', 'Enter a name and press Play');
    });
}
