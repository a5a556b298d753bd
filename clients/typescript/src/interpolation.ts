/** One state kept for rendering. */
export interface Snapshot<S> {
  readonly tick: number;
  readonly state: S;
  /** Local monotonic time (ms) it arrived at. */
  readonly receivedAt: number;
}

/** What to draw at one moment: between `from` and `to`, `alpha` of the way (0 to 1). */
export interface RenderSample<S> {
  readonly from: Snapshot<S>;
  readonly to: Snapshot<S>;
  readonly alpha: number;
  /** The (fractional) tick being shown. */
  readonly renderTick: number;
  /** `interpolate(from, to, alpha)` when the buffer has an `interpolate`; else the nearer state. */
  readonly state: S;
}

export interface InterpolationOptions<S> {
  /** The room's ticks per second (`MatchFound.tick_rate`). */
  tickRate: number;
  /** How far behind the newest state rendering runs, in ms (default 100: two ticks at 20 Hz). */
  delayMs?: number;
  /** States kept (default 32). */
  capacity?: number;
  /**
   * A state that arrives more than this (ms) before or after the time the timeline gives its tick
   * starts a new timeline (default 1,000): the room went on elsewhere after a failover, or the
   * client resumed on another connection. Jitter well below this is absorbed.
   */
  jumpMs?: number;
  /** Blends two states; without it, samples give the nearer of the two. */
  interpolate?: (from: S, to: S, alpha: number) => S;
}

/**
 * Keeps recent states by tick and gives the one to show at render time, a fixed delay behind
 * the newest, so that there is usually a later state to move towards.
 *
 * The timeline maps ticks to local time from the arrivals themselves: the earliest arrival
 * relative to its tick among the states kept (the one the network delayed least) fixes where
 * tick 0 lies, so jitter only ever makes states arrive "late" and never pulls the render clock
 * back. Nothing assumes a state every tick: a turn-based game's states, sent only on a change,
 * are held until the next one. Duplicate ticks and states older than every kept one are ignored;
 * a state that arrives out of order is put in its place. Pure: the caller passes the time.
 */
export class InterpolationBuffer<S> {
  private snaps: Snapshot<S>[] = [];
  private readonly tickMs: number;
  private readonly delayMs: number;
  private readonly capacity: number;
  private readonly jumpMs: number;
  private readonly blend: ((from: S, to: S, alpha: number) => S) | undefined;
  private timelines = 0;

  constructor(options: InterpolationOptions<S>) {
    if (!(options.tickRate > 0)) throw new RangeError('tickRate must be above 0');
    this.tickMs = 1000 / options.tickRate;
    this.delayMs = options.delayMs ?? 100;
    this.capacity = Math.max(2, options.capacity ?? 32);
    this.jumpMs = options.jumpMs ?? 1000;
    this.blend = options.interpolate;
  }

  /**
   * Adds a state. Returns false when it was ignored: a tick already held, or older than all
   * held states on the same timeline.
   */
  push(tick: number, state: S, receivedAt: number): boolean {
    const snap = { tick, state, receivedAt };
    const origin = this.origin();
    if (origin === undefined || Math.abs(this.originOf(snap) - origin) > this.jumpMs) {
      this.snaps = [snap];
      this.timelines++;
      return true;
    }
    const oldest = this.snaps[0];
    if (oldest && tick < oldest.tick && this.snaps.length >= this.capacity) return false;
    let at = this.snaps.length;
    while (at > 0 && this.snaps[at - 1]!.tick > tick) at--;
    if (this.snaps[at - 1]?.tick === tick) return false;
    this.snaps.splice(at, 0, snap);
    if (this.snaps.length > this.capacity) this.snaps.shift();
    return true;
  }

  /** What to show at local monotonic time `now`; undefined while no state has arrived. */
  sample(now: number): RenderSample<S> | undefined {
    const origin = this.origin();
    const first = this.snaps[0];
    const last = this.snaps[this.snaps.length - 1];
    if (origin === undefined || !first || !last) return undefined;
    const renderTick = (now - this.delayMs - origin) / this.tickMs;
    if (renderTick >= last.tick) return this.hold(last, renderTick);
    if (renderTick <= first.tick) return this.hold(first, renderTick);
    let i = this.snaps.length - 2;
    while (i > 0 && this.snaps[i]!.tick > renderTick) i--;
    const from = this.snaps[i]!;
    const to = this.snaps[i + 1]!;
    const alpha = (renderTick - from.tick) / (to.tick - from.tick);
    const state = this.blend ? this.blend(from.state, to.state, alpha) : alpha < 0.5 ? from.state : to.state;
    return { from, to, alpha, renderTick, state };
  }

  /** Forgets every state (after a resume the caller may prefer a clean start). */
  reset(): void {
    this.snaps = [];
  }

  /** The newest state held. */
  get newest(): Snapshot<S> | undefined {
    return this.snaps[this.snaps.length - 1];
  }

  get size(): number {
    return this.snaps.length;
  }

  /** How many timelines there have been: it grows at the first state and at every jump. */
  get timelineCount(): number {
    return this.timelines;
  }

  private hold(snap: Snapshot<S>, renderTick: number): RenderSample<S> {
    return { from: snap, to: snap, alpha: 0, renderTick, state: snap.state };
  }

  private originOf(snap: Snapshot<S>): number {
    return snap.receivedAt - snap.tick * this.tickMs;
  }

  private origin(): number | undefined {
    let best: number | undefined;
    for (const snap of this.snaps) {
      const origin = this.originOf(snap);
      if (best === undefined || origin < best) best = origin;
    }
    return best;
  }
}
