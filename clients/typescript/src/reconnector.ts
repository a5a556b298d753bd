import { reconnectDelay, type ReconnectPolicy } from './backoff.js';
import { PlayfieldError } from './errors.js';
import type { ReconnectingEvent, SessionLostEvent } from './events.js';

/** What a reconnection needs from the client it runs for. */
export interface ReconnectSteps {
  /** Where the next attempt goes (the client moves along its list when an attempt cannot connect). */
  nextUrl(): string;
  /** Opens a connection to `url` and makes it the client's; rejects when it cannot. */
  open(url: string): Promise<void>;
  /** Sends the resume on the open connection; resolves once `resumed` arrived. */
  resume(): Promise<void>;
  /** The connection opened for an attempt that failed: close it before the next. */
  discard(): void;
  reconnecting(event: ReconnectingEvent): void;
  lost(reason: SessionLostEvent['reason'], error: PlayfieldError | undefined): void;
}

/**
 * One run of automatic reconnection after a drop: waits with backoff and jitter, opens a socket
 * (to the next URL when the last attempt could not connect, or when the node said it was going
 * away), resumes. A refused resume (`RESUME_EXPIRED`, `RESUME_REJECTED`) ends the run at once: the
 * session is gone. Anything else (no connection, `UNAVAILABLE`, a timeout, a socket closed before
 * the answer) tries again, up to the policy's attempts. {@link cancel} stops it between steps.
 */
export class Reconnector {
  private cancelled = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly policy: ReconnectPolicy,
    private readonly steps: ReconnectSteps,
    private readonly random: () => number = Math.random,
  ) {}

  /** Runs to the end: resolves true when the session is back, false when it was lost or cancelled. */
  async run(skipFirstWait: boolean): Promise<boolean> {
    let lastError: PlayfieldError | undefined;
    for (let attempt = 0; attempt < this.policy.maxAttempts; attempt++) {
      const delayMs = attempt === 0 && skipFirstWait ? 0 : reconnectDelay(this.policy, attempt, this.random());
      const url = this.steps.nextUrl();
      this.steps.reconnecting({ attempt: attempt + 1, maxAttempts: this.policy.maxAttempts, delayMs, url });
      await this.sleep(delayMs);
      if (this.cancelled) return false;
      try {
        await this.steps.open(url);
      } catch (error) {
        lastError = asPlayfieldError(error);
        continue;
      }
      if (this.cancelled) return false;
      try {
        await this.steps.resume();
        return true;
      } catch (error) {
        lastError = asPlayfieldError(error);
        if (lastError.code === 'RESUME_EXPIRED' || lastError.code === 'RESUME_REJECTED') {
          this.steps.lost(lastError.code, lastError);
          return false;
        }
        this.steps.discard();
      }
      if (this.cancelled) return false;
    }
    if (!this.cancelled) this.steps.lost('RECONNECT_FAILED', lastError);
    return false;
  }

  cancel(): void {
    this.cancelled = true;
    this.wake?.();
  }

  private sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      this.wake = done;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }
}

function asPlayfieldError(error: unknown): PlayfieldError {
  return error instanceof PlayfieldError ? error : new PlayfieldError('CONNECTION_CLOSED', String(error), false);
}
