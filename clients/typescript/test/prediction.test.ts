// The prediction helper on its own: numbering, acknowledgements from states that come out of
// order, twice or not at all, and the jumps a resume brings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputPrediction } from '../src/prediction.js';

const seqsOf = (prediction: InputPrediction<string>) => prediction.pending.map((p) => p.seq);

function sent(count: number): InputPrediction<string> {
  const prediction = new InputPrediction<string>();
  for (let i = 1; i <= count; i++) prediction.record(`input-${i}`, i * 10);
  return prediction;
}

test('inputs are numbered from 1 and stay pending until a state acknowledges them', () => {
  const prediction = sent(5);
  assert.deepEqual(seqsOf(prediction), [1, 2, 3, 4, 5]);
  assert.equal(prediction.lastSeq, 5);
  assert.ok(prediction.acknowledge(3, 100n));
  assert.deepEqual(seqsOf(prediction), [4, 5]);
  assert.equal(prediction.lastAcknowledged, 3);
  assert.equal(prediction.pending[0]!.input, 'input-4', 'each pending entry keeps its input');
});

test('a state older than the newest seen changes nothing (out of order)', () => {
  const prediction = sent(6);
  prediction.acknowledge(4, 20n);
  assert.equal(prediction.acknowledge(2, 19n), false);
  assert.deepEqual(seqsOf(prediction), [5, 6], 'acknowledged inputs do not come back');
  assert.equal(prediction.lastAcknowledged, 4);
});

test('a duplicate state is ignored', () => {
  const prediction = sent(4);
  assert.ok(prediction.acknowledge(2, 7n));
  prediction.record('input-5', 60);
  assert.equal(prediction.acknowledge(2, 7n), false);
  assert.deepEqual(seqsOf(prediction), [3, 4, 5]);
});

test('missing states: an acknowledgement may skip many inputs at once', () => {
  const prediction = sent(10);
  prediction.acknowledge(1, 5n);
  prediction.acknowledge(8, 9n); // ticks 6 to 8 never arrived
  assert.deepEqual(seqsOf(prediction), [9, 10]);
});

test('a state may acknowledge nothing new (gaps and ignored inputs are fine)', () => {
  const prediction = sent(3);
  prediction.acknowledge(2, 5n);
  assert.ok(prediction.acknowledge(2, 6n));
  assert.deepEqual(seqsOf(prediction), [3]);
});

test('after a resume in a fresh client the numbering jumps past what the server applied', () => {
  const prediction = new InputPrediction<string>();
  prediction.startMatch();
  prediction.resumed();
  assert.ok(prediction.acknowledge(57, 400n));
  assert.equal(prediction.record('next', 1).seq, 58, 'the server ignores any seq up to 57');
});

test('after a resume the next state is taken even from an earlier tick (a room taken over elsewhere)', () => {
  const prediction = sent(12);
  prediction.acknowledge(10, 200n);
  prediction.resumed();
  assert.ok(prediction.acknowledge(8, 195n), 'the room went back five ticks');
  assert.deepEqual(seqsOf(prediction), [11, 12], 'still pending: the inputs after the old acknowledgement');
  assert.equal(prediction.record('next', 1).seq, 13, 'numbering goes on above everything sent');
  assert.equal(prediction.acknowledge(9, 194n), false, 'after that first state, order counts again');
});

test('reconcile re-simulates the pending inputs on the authoritative state, oldest first', () => {
  const prediction = new InputPrediction<number>();
  [3, 4, 5].forEach((step) => prediction.record(step, 0));
  prediction.acknowledge(1, 1n);
  const predicted = prediction.reconcile(100, (position, pending) => position + pending.input);
  assert.equal(predicted, 109);
  const order: number[] = [];
  prediction.reconcile(0, (state, pending) => (order.push(pending.seq), state));
  assert.deepEqual(order, [2, 3]);
});

test('a new match numbers from 1 again; the limit keeps the newest pending inputs', () => {
  const prediction = new InputPrediction<string>(3);
  for (let i = 0; i < 5; i++) prediction.record('x', i);
  assert.deepEqual(seqsOf(prediction), [3, 4, 5]);
  prediction.startMatch();
  assert.equal(prediction.record('y', 0).seq, 1);
  assert.ok(prediction.acknowledge(0, 1n), 'a new match accepts any tick');
});

test('property: pending is exactly what was sent above the newest acknowledgement, whatever the arrival order', () => {
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let run = 0; run < 200; run++) {
    const prediction = new InputPrediction<number>(1000);
    let sentCount = 0;
    let newestTick = -1;
    let newestAck = 0;
    for (let step = 0; step < 50; step++) {
      if (random() < 0.6) {
        prediction.record(step, step);
        sentCount++;
      } else {
        // A state from a random tick near the newest: older ones and repeats must change nothing.
        const tick = Math.max(0, newestTick + Math.floor(random() * 5) - 2);
        const ack = tick > newestTick ? Math.min(sentCount, newestAck + Math.floor(random() * 3)) : Math.floor(random() * (newestAck + 1));
        const taken = prediction.acknowledge(ack, BigInt(tick));
        assert.equal(taken, tick > newestTick);
        if (taken) {
          newestTick = tick;
          newestAck = ack;
        }
      }
      const expected = [];
      for (let seq = newestAck + 1; seq <= sentCount; seq++) expected.push(seq);
      assert.deepEqual(seqsOf(prediction as unknown as InputPrediction<string>), expected);
    }
  }
});
