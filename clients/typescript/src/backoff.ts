/** How automatic reconnection waits between attempts, and when it gives up. */
export interface ReconnectPolicy {
  /** Attempts after a drop before giving up with `sessionLost` (reason `RECONNECT_FAILED`). */
  maxAttempts: number;
  /** The wait before the first attempt; each later wait doubles, up to `maxDelayMs`. */
  initialDelayMs: number;
  maxDelayMs: number;
  /**
   * The share of each wait that is random, 0 to 1: with 0.5 a 1,000 ms wait is anywhere from
   * 500 to 1,000 ms, so that thousands of clients dropped at once by a node do not come back in step.
   */
  jitter: number;
}

/** About 30 s of attempts in all: longer than the server's default 20 s grace window. */
export const DEFAULT_RECONNECT: ReconnectPolicy = {
  maxAttempts: 10,
  initialDelayMs: 200,
  maxDelayMs: 5_000,
  jitter: 0.5,
};

/**
 * The wait before attempt `attempt` (0 for the first), given a random number in [0, 1).
 * Exponential and bounded, with the random share taken off the top of the wait.
 */
export function reconnectDelay(policy: ReconnectPolicy, attempt: number, random: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, attempt));
  const jitter = Math.min(1, Math.max(0, policy.jitter));
  return Math.round(ceiling * (1 - jitter * random));
}
