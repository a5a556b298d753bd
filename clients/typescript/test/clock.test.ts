// Round trip and clock offset from ping samples, and the reconnection backoff, on their own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClockSync } from '../src/clock.js';
import { DEFAULT_RECONNECT, reconnectDelay } from '../src/backoff.js';
import { actionForClose, CloseCode } from '../src/close-codes.js';

test('the offset assumes the server read its clock half-way through the round trip', () => {
  const clock = new ClockSync();
  // Sent at 1,000 local, answered after 40 ms; the server's clock said 6,020 at the middle (local 1,020).
  const sample = clock.add(1000, 40, 6020);
  assert.equal(sample.offsetMs, 5000);
  assert.equal(clock.offsetMs, 5000);
  assert.equal(clock.rttMs, 40);
  assert.equal(clock.serverNow(2000), 7000);
});

test('the offset comes from the quickest recent round trip, the one with the least asymmetry', () => {
  const clock = new ClockSync(3);
  clock.add(0, 200, 5000 + 100 + 60); // slow and lopsided: says 5,060
  clock.add(1000, 10, 6000 + 5); // quick: says 5,000
  clock.add(2000, 80, 7000 + 40 - 20); // says 4,980
  assert.equal(clock.offsetMs, 5000);
  assert.equal(clock.rttMs, 80, 'the round trip shown is the latest');
  clock.add(3000, 90, 8045);
  clock.add(4000, 90, 9045);
  clock.add(5000, 90, 10045); // the quick sample has left the window of 3
  assert.equal(clock.offsetMs, 5000);
  clock.add(6000, 50, 11025 + 7);
  assert.equal(clock.offsetMs, 5007);
});

test('the smoothed round trip follows slowly; reset forgets everything', () => {
  const clock = new ClockSync();
  clock.add(0, 100, 0);
  clock.add(0, 20, 0);
  assert.equal(clock.smoothedRttMs, 90);
  clock.reset();
  assert.equal(clock.rttMs, undefined);
  assert.equal(clock.offsetMs, undefined);
  assert.equal(clock.serverNow(1234), 1234, 'nothing known: the local clock');
});

test('backoff doubles up to its ceiling, and jitter only ever shortens a wait', () => {
  const policy = { ...DEFAULT_RECONNECT, initialDelayMs: 100, maxDelayMs: 1000, jitter: 0.5 };
  const ceilings = [0, 1, 2, 3, 4, 5].map((attempt) => reconnectDelay(policy, attempt, 0));
  assert.deepEqual(ceilings, [100, 200, 400, 800, 1000, 1000]);
  for (let attempt = 0; attempt < 12; attempt++) {
    for (const random of [0, 0.25, 0.5, 0.999]) {
      const delay = reconnectDelay(policy, attempt, random);
      const ceiling = Math.min(1000, 100 * 2 ** attempt);
      assert.ok(delay <= ceiling && delay >= ceiling * 0.5, `attempt ${attempt}: ${delay} in [${ceiling / 2}, ${ceiling}]`);
    }
  }
  assert.equal(reconnectDelay({ ...policy, jitter: 0 }, 2, 0.9), 400);
});

test('the default attempts outlast the default 20 s grace window', () => {
  let total = 0;
  for (let attempt = 0; attempt < DEFAULT_RECONNECT.maxAttempts; attempt++) total += reconnectDelay(DEFAULT_RECONNECT, attempt, 0);
  assert.ok(total > 20_000, `${total} ms of waiting at most`);
});

test('close codes: a draining node sends the client elsewhere; strikes and a second login end it', () => {
  assert.equal(actionForClose(CloseCode.GOING_AWAY), 'resume-elsewhere');
  assert.equal(actionForClose(CloseCode.ABNORMAL), 'resume');
  assert.equal(actionForClose(CloseCode.TOO_SLOW), 'resume');
  assert.equal(actionForClose(1011), 'resume');
  assert.equal(actionForClose(CloseCode.TOO_MANY_ERRORS), 'stop');
  assert.equal(actionForClose(CloseCode.REPLACED), 'stop');
});
