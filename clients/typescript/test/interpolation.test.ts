// The interpolation buffer on its own: render time a delay behind the newest state, states out
// of order, missing, repeated, jittered, sparse (turn-based) and a jump after a resume.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InterpolationBuffer } from '../src/interpolation.js';

const TICK_MS = 50; // 20 Hz
const lerp = (a: number, b: number, t: number) => a + (b - a) * t;

/** A buffer whose states are positions equal to ten times their tick. */
function buffer(delayMs = 100) {
  return new InterpolationBuffer<number>({ tickRate: 20, delayMs, interpolate: lerp });
}

test('the sample runs the delay behind the newest state and blends the two around it', () => {
  const b = buffer(100);
  for (let tick = 0; tick <= 4; tick++) b.push(tick, tick * 10, 1000 + tick * TICK_MS);
  // At the arrival of tick 4, 100 ms behind is tick 2.
  const at = b.sample(1000 + 4 * TICK_MS)!;
  assert.equal(at.renderTick, 2);
  assert.equal(at.state, 20);
  const between = b.sample(1000 + 4 * TICK_MS + 25)!;
  assert.equal(between.from.tick, 2);
  assert.equal(between.to.tick, 3);
  assert.ok(Math.abs(between.alpha - 0.5) < 1e-9);
  assert.ok(Math.abs(between.state - 25) < 1e-9);
});

test('past the newest state it holds that state: nothing assumes a state every tick', () => {
  const b = buffer(100);
  b.push(10, 100, 0);
  b.push(70, 700, 3000); // a turn-based game: the next state came 60 ticks later
  const held = b.sample(3000 + 5000)!;
  assert.equal(held.state, 700);
  assert.equal(held.from.tick, 70);
  assert.equal(held.alpha, 0);
  const before = b.sample(3000 + 100 - 30 * TICK_MS)!;
  assert.equal(before.renderTick, 40);
  assert.ok(Math.abs(before.state - 400) < 1e-9, 'between two sparse states it blends across the gap');
});

test('missing states: the blend spans the gap', () => {
  const b = buffer(0);
  b.push(1, 10, 50);
  b.push(5, 50, 250); // ticks 2-4 lost
  const sample = b.sample(150)!;
  assert.equal(sample.from.tick, 1);
  assert.equal(sample.to.tick, 5);
  assert.ok(Math.abs(sample.alpha - 0.5) < 1e-9);
  assert.ok(Math.abs(sample.state - 30) < 1e-9);
});

test('a state that arrives out of order is put in its place', () => {
  const b = buffer(0);
  b.push(1, 10, 50);
  b.push(3, 30, 150);
  assert.equal(b.sample(125)!.state, 25, 'before it arrives: a blend of ticks 1 and 3');
  assert.ok(b.push(2, 100, 160), 'late, but inside the buffer: kept');
  const sample = b.sample(125)!;
  assert.deepEqual([sample.from.tick, sample.to.tick], [2, 3]);
  assert.equal(sample.state, 65, 'now a blend of ticks 2 and 3');
  assert.equal(b.size, 3);
});

test('a repeated tick is ignored', () => {
  const b = buffer(0);
  assert.ok(b.push(1, 10, 50));
  assert.equal(b.push(1, 999, 55), false);
  assert.equal(b.size, 1);
  assert.equal(b.sample(50)!.state, 10);
});

test('jitter only delays: a late state does not pull the render clock back', () => {
  const b = buffer(100);
  b.push(0, 0, 1000);
  b.push(1, 10, 1050);
  b.push(2, 20, 1190); // 90 ms late
  b.push(3, 30, 1150 + 2); // nearly on time again
  assert.equal(b.sample(1200)!.renderTick, 2, 'the timeline still follows the punctual arrivals');
});

test('a jump after a resume starts a new timeline instead of sliding between the two', () => {
  const b = buffer(100);
  for (let tick = 100; tick <= 110; tick++) b.push(tick, tick * 10, tick * TICK_MS);
  assert.equal(b.timelineCount, 1);
  // The room was taken over by another node: it goes on from tick 105, two seconds later.
  const resumedAt = 110 * TICK_MS + 2000;
  assert.ok(b.push(105, 1050, resumedAt));
  assert.equal(b.timelineCount, 2);
  assert.equal(b.size, 1, 'the old timeline is dropped');
  const sample = b.sample(resumedAt + 10)!;
  assert.equal(sample.state, 1050, 'no blend with the states before the jump');
  b.push(106, 1060, resumedAt + TICK_MS);
  assert.equal(b.sample(resumedAt + TICK_MS + 100)!.state, 1060);
});

test('a forward jump (ticks far ahead of the clock) starts a new timeline too', () => {
  const b = buffer(100);
  b.push(1, 10, 50);
  b.push(2, 20, 100);
  b.push(500, 5000, 150);
  assert.equal(b.timelineCount, 2);
  assert.equal(b.sample(200)!.state, 5000);
});

test('without an interpolate function the nearer state is given', () => {
  const b = new InterpolationBuffer<string>({ tickRate: 10, delayMs: 0 });
  b.push(0, 'a', 0);
  b.push(1, 'b', 100);
  assert.equal(b.sample(40)!.state, 'a');
  assert.equal(b.sample(60)!.state, 'b');
  assert.equal(b.sample(60)!.alpha.toFixed(1), '0.6');
});

test('the buffer keeps its capacity, dropping the oldest, and reset empties it', () => {
  const b = new InterpolationBuffer<number>({ tickRate: 20, capacity: 4 });
  for (let tick = 0; tick < 10; tick++) b.push(tick, tick, tick * TICK_MS);
  assert.equal(b.size, 4);
  assert.equal(b.push(2, 2, 10 * TICK_MS), false, 'older than everything kept');
  b.reset();
  assert.equal(b.sample(1000), undefined);
  assert.throws(() => new InterpolationBuffer({ tickRate: 0 }), RangeError);
});
