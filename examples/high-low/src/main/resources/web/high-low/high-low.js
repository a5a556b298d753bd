// The page speaks Playfield's JSON encoding over /ws: log in, queue, play, see the end.
const socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws',
    'playfield.v1.json');
const status = document.getElementById('status');
const form = document.getElementById('guess');
let mySlot = -1;
let seq = 0;

const send = (message) => socket.send(JSON.stringify(message));

socket.onopen = () => send({ login: { name: 'guest' } });
socket.onmessage = (event) => {
  const message = JSON.parse(event.data);
  if (message.loginOk) {
    send({ joinQueue: { mode: 'high-low' } });
    status.textContent = 'Waiting for players…';
  } else if (message.matchFound) {
    const me = message.matchFound.players.find((p) => p.playerId === message.matchFound.yourPlayerId);
    mySlot = me.slot || 0;
  } else if (message.state && message.state.game) {
    const game = message.state.game;
    const turnSlot = game.turnSlot || 0;
    const hint = game.lastGuess ? `${game.lastGuess} was wrong: ${game.hint}. ` : '';
    status.textContent = hint + (turnSlot === mySlot ? 'Your turn.' : `Player ${turnSlot + 1} is guessing.`);
    form.hidden = turnSlot !== mySlot;
  } else if (message.matchEnd) {
    const winner = message.matchEnd.standings.find((s) => s.rank === 1);
    status.textContent = `Match over: ${winner ? winner.name : 'nobody'} guessed it.`;
    form.hidden = true;
  } else if (message.error) {
    status.textContent = `Error ${message.error.code}: ${message.error.message}`;
  }
};
form.onsubmit = (event) => {
  event.preventDefault();
  const number = Number(document.getElementById('number').value);
  send({ input: { seq: ++seq, game: { '@type': 'type.googleapis.com/highlow.Guess', number } } });
};
