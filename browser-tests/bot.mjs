// A tiny opponent built on the same SDK bundle the page loads (the node serves it at
// /sdk/playfield-client.js): logs in, queues, and wanders until its match ends.
import WebSocket from 'ws';
import { PlayfieldClient, arenaSchemas } from '../src/main/resources/webroot/sdk/playfield-client.js';

export function startBot(baseUrl, name, { encoding = 'json', mode = 'arena' } = {}) {
  const client = new PlayfieldClient({
    url: baseUrl.replace(/^http/, 'ws') + '/ws',
    encoding,
    game: arenaSchemas,
    socketFactory: (url, protocols) => new WebSocket(url, protocols), // Node 20 has no WebSocket of its own
  });
  let turn = 0;
  let mover = null;
  const result = new Promise((resolve, reject) => {
    client.on('matchFound', () => {
      mover ??= setInterval(() => {
        const angle = (turn++ / 10) % (2 * Math.PI);
        client.sendInput({ dx: Math.cos(angle), dy: Math.sin(angle) });
      }, 100);
    });
    client.on('matchEnd', (end) => { clearInterval(mover); resolve(end); });
    client.on('error', (error) => reject(new Error(`bot got ${error.code}: ${error.message}`)));
    client.on('sessionLost', (lost) => reject(new Error(`bot lost its session: ${lost.reason}`)));
    client.connect().then(() => client.login({ name })).then(() => client.joinQueue(mode)).catch(reject);
  });
  return { result, client, close: () => { clearInterval(mover); client.close(); } };
}
