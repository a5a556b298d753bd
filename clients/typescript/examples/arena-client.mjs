// A complete arena client: logs in, queues, chases the pickups, and comes back by itself if the
// connection drops. Run it against a node: node arena-client.mjs ws://localhost:8080/ws
import { PlayfieldClient } from '@playfield/client';
import { arenaSchemas } from '@playfield/client/arena';

const client = new PlayfieldClient({ url: process.argv[2] ?? 'ws://localhost:8080/ws', game: arenaSchemas });

client.on('matchFound', (match) => console.log(`match ${match.roomId}: ${match.players.map((p) => p.name).join(' vs ')}`));
client.on('state', ({ phase, game }) => {
  if (phase !== 'running') return;
  const me = game.players.find((p) => p.slot === client.match?.yourSlot);
  const pickup = game.collectables[0];
  if (me && pickup) client.sendInput({ dx: Math.sign(pickup.x - me.x), dy: Math.sign(pickup.y - me.y) });
});
client.on('close', ({ code, willReconnect }) => console.log(`closed ${code}${willReconnect ? ', reconnecting' : ''}`));
client.on('resumed', ({ match }) => console.log(match ? 'back in the match' : 'back, without a seat'));
client.on('sessionLost', ({ reason }) => {
  console.log(`session lost: ${reason}`);
  client.close();
  process.exitCode = 1;
});
client.on('error', (error) => console.log(`error ${error.code}`));
client.on('matchEnd', ({ standings }) => {
  for (const s of standings) console.log(`${s.rank}. ${s.name} ${s.score} (rating ${s.ratingBefore} -> ${s.ratingAfter})`);
  client.close();
});

await client.start({ name: 'chaser' });
await client.joinQueue('arena');
console.log('queued');
