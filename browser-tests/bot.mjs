// A tiny opponent speaking the JSON protocol over a real WebSocket: logs in, queues, and wanders
// until its match ends.
import WebSocket from 'ws';

export function startBot(baseUrl, name) {
  const ws = new WebSocket(baseUrl.replace(/^http/, 'ws') + '/ws', ['playfield.v1.json']);
  let seq = 0;
  let mover = null;
  const result = new Promise((resolve, reject) => {
    ws.on('error', reject);
    ws.on('open', () => ws.send(JSON.stringify({ requestId: 1, login: { name } })));
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data));
      if (msg.loginOk) ws.send(JSON.stringify({ requestId: 2, joinQueue: { mode: 'arena' } }));
      if (msg.matchFound && !mover) {
        mover = setInterval(() => {
          const angle = (seq / 10) % (2 * Math.PI);
          seq += 1;
          ws.send(JSON.stringify({ input: { seq, game: {
            '@type': 'type.googleapis.com/playfield.arena.ArenaInput', dx: Math.cos(angle), dy: Math.sin(angle) } } }));
        }, 100);
      }
      if (msg.matchEnd) { clearInterval(mover); resolve(msg.matchEnd); }
      if (msg.error) reject(new Error(`bot got ${msg.error.code}: ${msg.error.message}`));
    });
  });
  return { result, close: () => { clearInterval(mover); ws.close(); } };
}
