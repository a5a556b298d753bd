// Playfield monitor: nodes, rooms and players from the admin API, refreshed every second.
// The tick chart is a plain canvas line: one series of at most 100 points per room does not
// need a charting library (and nothing here is loaded from outside the node).

const REFRESH_MS = 1000;
const KEY = 'playfield.adminToken';
const ui = Object.fromEntries([...document.querySelectorAll('[id]')].map((n) => [n.id, n]));

// Hook for automated browser tests.
const hook = (window.playfieldMonitor = { nodes: [], rooms: [], refreshes: 0 });

let token = sessionStorage.getItem(KEY) || '';
let timer = 0;

async function api(method, path) {
  const response = await fetch('/admin/api/' + path, {
    method, headers: { Authorization: 'Bearer ' + token }, cache: 'no-store',
  });
  if (response.status === 401) throw new Unauthorized();
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

class Unauthorized extends Error {}

function el(tag, cls, text) {
  const n = document.createElement(tag);
  if (cls) n.className = cls;
  if (text !== undefined) n.textContent = text;   // textContent: names come from players
  return n;
}

const short = (id) => String(id || '').slice(0, 8);

function renderNodes(nodes) {
  ui['node-count'].textContent = `(${nodes.length})`;
  ui.nodes.replaceChildren(...nodes.map((n) => {
    const tr = el('tr');
    const drain = el('button', 'danger', 'Drain');
    drain.disabled = n.draining;
    drain.onclick = () => act('POST', `nodes/${encodeURIComponent(n.nodeId)}/drain`, `Drain node ${short(n.nodeId)}?`);
    tr.append(
      el('td', '', short(n.nodeId) + (n.self ? ' (this)' : '')),
      el('td', '', String(n.players)),
      el('td', '', `${n.rooms} / ${n.maxRooms}`),
      el('td', '', Number(n.tickMillisPerSecond).toFixed(1)),
      el('td', n.draining ? 'draining' : '', n.draining ? 'draining' : 'ready'),
      el('td'));
    tr.lastChild.append(drain);
    return tr;
  }));
}

function renderRooms(rooms, failures) {
  ui['room-count'].textContent = `(${rooms.length})`;
  ui.failures.textContent = failures.map((f) => `node ${short(f.nodeId)}: ${f.error}`).join(' · ');
  ui.rooms.replaceChildren(...rooms.map((r) => {
    const card = el('article', 'room');
    card.dataset.roomId = r.roomId;
    const close = el('button', 'danger', 'Close');
    close.onclick = () => act('POST', `rooms/${encodeURIComponent(r.roomId)}/close`, `Close room ${short(r.roomId)}?`);
    const canvas = el('canvas');
    const players = el('ul');
    players.append(...(r.players || []).map((p) => el('li', '', `${p.name} · ${p.rating}`)));
    card.append(
      el('h3', '', short(r.roomId)),
      el('div', 'muted', `${r.mode} · ${r.phase} · tick ${r.tick} @ ${r.tickRate} Hz · node ${short(r.nodeId)}`),
      el('div', '', `tick mean ${Number(r.tickMeanMs).toFixed(3)} ms · max ${Number(r.tickMaxMs).toFixed(3)} ms · overruns ${r.overruns}`),
      canvas, players, close);
    requestAnimationFrame(() => chart(canvas, (r.recentTickMs || []).map(Number), 1000 / (r.tickRate || 20)));
    return card;
  }));
}

// Tick durations as a line, scaled to the largest of the window; a dashed line marks the tick
// period when it is in range (a tick longer than that is an overrun).
function chart(canvas, values, periodMs) {
  const dpr = window.devicePixelRatio || 1;
  const w = (canvas.width = Math.round(canvas.clientWidth * dpr));
  const h = (canvas.height = Math.round(canvas.clientHeight * dpr));
  const g = canvas.getContext('2d');
  g.clearRect(0, 0, w, h);
  if (!values.length) return;
  const top = Math.max(...values, 0.05) * 1.15;
  const y = (v) => h - (v / top) * (h - 4) - 2;
  if (periodMs < top) {
    g.strokeStyle = '#f56565'; g.setLineDash([4 * dpr, 4 * dpr]);
    g.beginPath(); g.moveTo(0, y(periodMs)); g.lineTo(w, y(periodMs)); g.stroke(); g.setLineDash([]);
  }
  g.strokeStyle = '#4fd1c5'; g.lineWidth = 1.5 * dpr;
  g.beginPath();
  values.forEach((v, i) => {
    const x = values.length === 1 ? w : (i / (values.length - 1)) * w;
    if (i === 0) g.moveTo(x, y(v)); else g.lineTo(x, y(v));
  });
  g.stroke();
  g.fillStyle = '#8a93a8'; g.font = `${10 * dpr}px system-ui`;
  g.fillText(`${top.toFixed(2)} ms`, 4 * dpr, 11 * dpr);
}

async function act(method, path, question) {
  if (!confirm(question)) return;
  try { await api(method, path); } catch (e) { alert(e.message); }
  refresh();
}

async function refresh() {
  clearTimeout(timer);
  try {
    const [nodes, rooms] = await Promise.all([api('GET', 'nodes'), api('GET', 'rooms')]);
    hook.nodes = nodes.nodes; hook.rooms = rooms.rooms; hook.refreshes += 1;
    renderNodes(nodes.nodes);
    renderRooms(rooms.rooms, rooms.failures || []);
    ui.updated.textContent = 'updated ' + new Date().toLocaleTimeString();
  } catch (e) {
    if (e instanceof Unauthorized) { lock('That token was refused.'); return; }
    ui.updated.textContent = 'refresh failed: ' + e.message;
  }
  timer = setTimeout(refresh, REFRESH_MS);
}

function lock(message) {
  clearTimeout(timer);
  token = '';
  sessionStorage.removeItem(KEY);
  ui['unlock-error'].textContent = message || '';
  document.body.dataset.state = 'locked';
}

function open() {
  document.body.dataset.state = 'open';
  refresh();
}

ui.unlock.addEventListener('submit', (e) => {
  e.preventDefault();
  token = ui.token.value.trim();
  sessionStorage.setItem(KEY, token);
  ui.token.value = '';
  open();
});
ui.signout.addEventListener('click', () => lock());
ui.lookup.addEventListener('submit', async (e) => {
  e.preventDefault();
  try {
    const p = await api('GET', 'players/' + encodeURIComponent(ui['player-id'].value.trim()));
    ui.player.textContent = JSON.stringify(p, null, 2);
  } catch (err) {
    if (err instanceof Unauthorized) lock('That token was refused.');
    else ui.player.textContent = err.message;
  }
});

if (token) open();
