// Liar's Dice in the browser: guest login, the liars-dice queue, and the table, over one WebSocket
// speaking the JSON encoding of playfield.v1. The game's own messages are in liars_dice.proto.
'use strict';

(() => {
  // Every element with an id, by id in camelCase ("your-dice" is ui.yourDice).
  const ui = Object.fromEntries([...document.querySelectorAll('[id]')]
    .map((n) => [n.id.replace(/-(\w)/g, (_, c) => c.toUpperCase()), n]));

  const MODE = 'liars-dice';
  const INPUT_TYPE = 'type.googleapis.com/playfield.liarsdice.LiarsDiceInput';
  const RESUME_KEY = 'playfield.liars-dice.resume';
  const RECONNECT_TRIES = 5;
  const PING_MS = 5000;
  const PIPS = ['', '⚀', '⚁', '⚂', '⚃', '⚄', '⚅'];

  // localStorage and sessionStorage can throw (private mode, storage off); the game works without them.
  const storage = (area) => ({
    get: (k) => { try { return area().getItem(k); } catch { return null; } },
    set: (k, v) => { try { area().setItem(k, v); } catch { /* ignore */ } },
    del: (k) => { try { area().removeItem(k); } catch { /* ignore */ } },
  });
  const store = storage(() => localStorage);
  // The resume token lives as long as the tab: a reload takes the seat back, a second tab does not.
  const tabStore = storage(() => sessionStorage);

  // Hook for automated browser tests; mutated in place so a held reference stays current.
  const hook = (window.liarsDice = { state: null, standings: null, playerId: null });

  let ws = null;
  let nextRequestId = 1;
  const pending = new Map();   // requestId -> what was asked, so a reply or error finds its request
  let loggedIn = false;
  let wantQueue = false;
  let reconnectTries = 0;
  let match = null;            // { roomId, tickRate, you, players: Map slot -> PlayerInfo, ended }
  let game = null;             // the newest LiarsDiceState
  let seq = 0;                 // the last Input.seq sent in this match
  let awaitingSeq = 0;         // an action sent and not yet applied: the controls wait for it
  let resyncSeq = false;       // after a resume, go on from the seq the server applied
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
    ui.name.readOnly = loggedIn;
  }

  let toastTimer = 0;
  function toast(text) {
    ui.toast.textContent = text;
    ui.toast.classList.add('show');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => ui.toast.classList.remove('show'), 4000);
  }

  // ---- connection ------------------------------------------------------------------------------

  function connect() {
    if (ws && ws.readyState <= WebSocket.OPEN) return;
    const sock = (ws = new WebSocket((location.protocol === 'https:' ? 'wss' : 'ws') + '://' + location.host + '/ws',
      ['playfield.v1.json']));
    let opened = false;
    ui.status.textContent = 'Connecting…';
    sock.onopen = () => { opened = true; resumeOrLogin(); };
    sock.onmessage = (e) => {
      if (typeof e.data !== 'string') return;
      let msg;
      try { msg = JSON.parse(e.data); } catch { return; }
      handle(msg);
    };
    sock.onclose = (e) => {
      if (ws !== sock) return;
      ws = null; loggedIn = false; pending.clear();
      // Dropped in mid-match: come back and take the seat again, unless another login took this
      // player over (4001) or the server closed us for misbehaving (4000).
      const inMatch = match && !match.ended;
      if (opened && inMatch && e.code !== 4001 && e.code !== 4000 && tabStore.get(RESUME_KEY) && reconnectTries > 0) {
        reconnectTries--;
        ui.status.textContent = 'Connection lost, reconnecting…';
        setTimeout(connect, 500);
        return;
      }
      wantQueue = false;
      ui.play.disabled = false;
      const why = e.reason ? ` (${e.reason})` : '';
      if (match && !match.ended) match = null;
      setView(match ? 'match' : 'lobby', opened ? `Disconnected${why}. Press Play to reconnect.` : 'Cannot reach the server. Press Play to retry.');
    };
  }

  function send(msg, kind) {
    if (!ws || ws.readyState !== WebSocket.OPEN) return false;
    if (kind) {
      pending.set(nextRequestId, kind);
      msg = { requestId: nextRequestId++, ...msg };
    }
    ws.send(JSON.stringify(msg));
    return true;
  }

  function resumeOrLogin() {
    const resumeToken = tabStore.get(RESUME_KEY);
    if (resumeToken) send({ resume: { resumeToken } }, 'resume');
    else login();
  }

  function login() {
    const name = ui.name.value.trim() || 'guest';
    const token = store.get('playfield.token');
    ui.status.textContent = 'Logging in…';
    send({ login: token ? { name, token } : { name } }, 'login');
  }

  function play() {
    const name = ui.name.value.trim();
    if (!name) { ui.name.focus(); return; }
    store.set('playfield.name', name);
    ui.play.disabled = true;
    if (loggedIn) { joinQueue(); return; }
    wantQueue = true;
    if (ws && ws.readyState === WebSocket.OPEN) login(); else connect();
  }

  function joinQueue() {
    wantQueue = false;
    ui.status.textContent = 'Joining the queue…';
    send({ joinQueue: { mode: MODE } }, 'joinQueue');
  }

  // ---- server messages -------------------------------------------------------------------------

  const handlers = {
    loginOk(b) {
      loggedIn = true;
      hook.playerId = b.playerId || null;
      if (b.token) store.set('playfield.token', b.token);
      if (b.resumeToken) tabStore.set(RESUME_KEY, b.resumeToken);
      if (b.name) ui.name.value = b.name;
      setView(document.body.dataset.view, `Logged in as ${b.name || ui.name.value}`);
      if (wantQueue) joinQueue();
    },
    resumed(b) {
      const back = match && !match.ended ? match : null;
      handlers.loginOk(b.login || {});
      if (b.match) {
        if (!back || back.roomId !== b.match.roomId) handlers.matchFound(b.match);
        resyncSeq = true;
        tickOffset = Infinity;   // the first state after a resume may be an old view: learn again
        ui.status.textContent = 'Back at the table';
      } else {
        match = null;
        setView('lobby');
      }
    },
    queued() {
      ui.play.disabled = false;
      setView('queued', 'In the queue for liars-dice…');
    },
    queueLeft() {
      setView('lobby', 'Left the queue');
    },
    matchFound(b) {
      match = {
        roomId: b.roomId || '', tickRate: num(b.tickRate) || 10, you: b.yourPlayerId || hook.playerId,
        players: new Map((b.players || []).map((p) => [num(p.slot), p])), ended: false,
      };
      game = null; hook.state = null; hook.standings = null;
      seq = 0; awaitingSeq = 0; preparedTurn = 0; tickOffset = Infinity; clock = null;
      reconnectTries = RECONNECT_TRIES;
      document.body.classList.remove('ended', 'has-outcome');
      setView('match', 'Match found');
      render();
    },
    state(s) {
      if (!match || match.ended || (s.roomId && s.roomId !== match.roomId) || !s.game) return;
      const turnBefore = game ? num(game.turn) : 0;
      game = s.game;
      hook.state = s;
      if (resyncSeq) { seq = Math.max(seq, num(s.lastInputSeq)); resyncSeq = false; }
      // The action was applied, or the table moved on without it (dropped, or the turn ran out).
      if (num(s.lastInputSeq) >= awaitingSeq || num(game.turn) !== turnBefore) awaitingSeq = 0;
      if (s.phase === 'ROOM_PHASE_RUNNING') {
        tickOffset = Math.min(tickOffset, num(s.tick) - num(game.updatedAtTick));
        clock = { gameTick: num(s.tick) - tickOffset, at: performance.now() };
        ui.status.textContent = 'Playing';
      } else if (s.phase === 'ROOM_PHASE_WAITING') {
        ui.status.textContent = 'Get ready…';
      }
      render();
    },
    matchEnd(b) {
      if (!match || (b.roomId && b.roomId !== match.roomId)) return;
      match.ended = true;
      hook.standings = b.standings || [];
      renderStandings(hook.standings);
      document.body.classList.add('ended');
      ui.status.textContent = 'Match over';
      render();
    },
    matchLeft() {
      match = null; game = null;
      setView('lobby', 'You left the match');
    },
    pong() {},
    error(b, kind) {
      const code = b.code || 'ERROR';
      if (kind === 'resume') {          // the seat is gone or the token spent: log in afresh
        tabStore.del(RESUME_KEY);
        match = null;
        if (code === 'RESUME_EXPIRED') toast('Your seat was given up while you were away');
        setView('lobby');
        login();
        return;
      }
      if (kind === 'login' && (code === 'INVALID_TOKEN' || code === 'TOKEN_EXPIRED')) {
        store.del('playfield.token');   // a stale identity: start over as a new guest
        login();
        return;
      }
      if (kind === 'joinQueue' && code === 'ALREADY_QUEUED') { handlers.queued(); return; }
      toast(`${code}${b.message ? ': ' + b.message : ''}`);
      if (kind === 'login' || kind === 'joinQueue') {
        wantQueue = false;
        ui.play.disabled = false;
        setView('lobby', kind === 'login' ? 'Login failed' : 'Could not join the queue');
      }
    },
  };

  function handle(msg) {
    const kind = msg.requestId ? pending.get(msg.requestId) : undefined;
    if (msg.requestId) pending.delete(msg.requestId);
    for (const k in handlers) if (msg[k]) return handlers[k](msg[k], kind);
  }

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
    seq += 1;
    if (send({ input: { seq, game: { '@type': INPUT_TYPE, turn: num(game.turn), ...action } } })) {
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
      const before = num(s.ratingBefore), after = num(s.ratingAfter), delta = after - before;
      const tr = el('tr', s.playerId === hook.playerId ? 'me' : '');
      const rating = el('td', '', `${before} → ${after} `);
      rating.append(el('span', delta > 0 ? 'up' : delta < 0 ? 'down' : '', `(${delta > 0 ? '+' : ''}${delta})`));
      tr.append(el('td', '', String(num(s.rank))), el('td', '', (s.name || '') + (s.left ? ' (left)' : '')),
        el('td', '', String(num(s.score))), rating);
      return tr;
    }));
  }

  // ---- wiring ----------------------------------------------------------------------------------

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
  ui.cancel.addEventListener('click', () => send({ leaveQueue: {} }, 'leaveQueue'));
  ui.again.addEventListener('click', () => { match = null; game = null; setView('lobby'); play(); });
  ui.back.addEventListener('click', () => { match = null; game = null; setView('lobby', 'Press Play for another match'); });
  ui.leave.addEventListener('click', () => send({ leaveMatch: {} }, 'leaveMatch'));

  setInterval(tickCountdown, 200);
  setInterval(() => { if (loggedIn) send({ ping: { clientTime: String(Date.now()) } }, 'ping'); }, PING_MS);
  ui.name.value = store.get('playfield.name') || '';
  setView('lobby');
  // After a reload, take the session (and the seat, if the match is still on) straight back.
  if (tabStore.get(RESUME_KEY)) connect();
})();
