/** One ping's outcome. */
export interface ClockSample {
  /** Round-trip time of the ping, in milliseconds. */
  rttMs: number;
  /** The server's clock minus this client's (`Date.now()`), in milliseconds, from this sample. */
  offsetMs: number;
}

/**
 * Round-trip time and server clock offset from ping/pong, as NTP does it: the pong's server time
 * is taken to be from the middle of the round trip, and the offset comes from the sample with
 * the shortest round trip among the recent ones, since a short trip leaves the least room for an
 * uneven split between the way out and the way back.
 */
export class ClockSync {
  private readonly samples: ClockSample[] = [];
  private smoothed: number | undefined;

  /** @param window how many recent samples the offset is chosen from */
  constructor(private readonly window = 8) {}

  /**
   * Adds the outcome of one ping: sent at local wall time `sentAtMs` (`Date.now()` then), answered
   * after `rttMs` with the server's wall time `serverTimeMs`.
   */
  add(sentAtMs: number, rttMs: number, serverTimeMs: number): ClockSample {
    const sample = { rttMs, offsetMs: serverTimeMs - (sentAtMs + rttMs / 2) };
    this.samples.push(sample);
    if (this.samples.length > this.window) this.samples.shift();
    // Smoothed like TCP's SRTT (RFC 6298, alpha 1/8): steady for display, quick enough to follow a change.
    this.smoothed = this.smoothed === undefined ? rttMs : this.smoothed + (rttMs - this.smoothed) / 8;
    return sample;
  }

  /** The latest round trip, or undefined before the first pong. */
  get rttMs(): number | undefined {
    return this.samples[this.samples.length - 1]?.rttMs;
  }

  /** The round trip smoothed over recent pongs, or undefined before the first. */
  get smoothedRttMs(): number | undefined {
    return this.smoothed;
  }

  /** The server's clock minus the local one (`Date.now()`), or undefined before the first pong. */
  get offsetMs(): number | undefined {
    let best: ClockSample | undefined;
    for (const sample of this.samples) if (!best || sample.rttMs < best.rttMs) best = sample;
    return best?.offsetMs;
  }

  /** The server's wall clock now, estimated (the local clock when nothing is known yet). */
  serverNow(localNowMs: number = Date.now()): number {
    return localNowMs + (this.offsetMs ?? 0);
  }

  /** Forgets every sample: after a reconnection the node, and so its clock, may be another. */
  reset(): void {
    this.samples.length = 0;
    this.smoothed = undefined;
  }
}
