// The page speaks Playfield's JSON encoding over /ws: log in, queue, play, see the end.
// The server prints every field, zeros included, except `optional` ones that are unset (winner).
const mode = new URLSearchParams(location.search).get('mode') || 'high-low';
const status = document.getElementById('status');
const guessForm = document.getElementById('guess');
let socket;
let mySlot = -1;
let seq = 0;

const send = (message) => socket.send(JSON.stringify(message));

document.getElementById('join').onsubmit = (event) => {
  event.preventDefault();
  event.target.hidden = true;
  const name = document.getElementById('name').value;
  socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws',
      'playfield.v1.json');
  socket.onopen = () => send({ login: { name } });
  socket.onmessage = (message) => show(JSON.parse(message.data));
  socket.onclose = (close) => { status.textContent = `Disconnected (${close.code}).`; };
};

function show(message) {
  if (message.loginOk) {
    send({ joinQueue: { mode } });
    status.textContent = 'Waiting for players…';
  } else if (message.matchFound) {
    const found = message.matchFound;
    mySlot = found.players.find((p) => p.playerId === found.yourPlayerId).slot;
    seq = 0; // input numbers start at 1 in every match
  } else if (message.state) {
    draw(message.state);
  } else if (message.matchEnd) {
    const winner = message.matchEnd.standings.find((s) => s.rank === 1);
    status.textContent = `Match over: ${winner ? winner.name : 'nobody'} guessed it.`;
    guessForm.hidden = true;
  } else if (message.error) {
    status.textContent = `Error ${message.error.code}: ${message.error.message}`;
  }
}

function draw(state) {
  if (state.phase !== 'ROOM_PHASE_RUNNING') {
    status.textContent = 'Get ready…';
    return;
  }
  const game = state.game;
  const hint = game.hint === 'timeout' ? 'Too slow, the turn passed. '
      : game.hint ? `${game.lastGuess} was wrong: ${game.hint}. ` : '';
  const mine = game.turnSlot === mySlot;
  status.textContent = `${hint}The number is 1 to ${game.maxNumber}. `
      + (mine ? `Your turn (${game.turnSeconds} s).` : `Player ${game.turnSlot + 1} is guessing.`);
  guessForm.hidden = !mine;
}

guessForm.onsubmit = (event) => {
  event.preventDefault();
  const number = Number(document.getElementById('number').value);
  send({ input: { seq: ++seq, game: { '@type': 'type.googleapis.com/highlow.Guess', number } } });
};
