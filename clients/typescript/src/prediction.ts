/** An input sent to the server that its states have not acknowledged yet. */
export interface PendingInput<I> {
  /** The `Input.seq` it was sent with. */
  readonly seq: number;
  readonly input: I;
  /** Local monotonic time (ms) when it was sent. */
  readonly sentAt: number;
}

/**
 * Numbers a player's inputs and keeps the ones the server has not applied yet, so a client can
 * predict: take the newest authoritative state and re-simulate the pending inputs on top of it
 * ({@link reconcile}).
 *
 * Sequence numbers start at 1 in every match ({@link startMatch}) and only grow. A state
 * acknowledges every input up to its `lastInputSeq`. States older than the newest one seen
 * (out of order, duplicates) change nothing. After a resume ({@link resumed}) the next state is
 * taken whatever its tick (a room taken over by another node may have gone back a few ticks), and
 * the numbering continues above both what was sent and what that state acknowledges, as the
 * server requires. Pure: no timers, no I/O.
 */
export class InputPrediction<I> {
  private queue: PendingInput<I>[] = [];
  private sent = 0;
  private acked = 0;
  private newestTick: bigint | undefined;
  private acceptAnyTick = false;

  /**
   * @param limit pending inputs kept at most; beyond it the oldest go (the server queues only
   *   `input-queue-size`, 32 by default, so older ones would be dropped there too)
   */
  constructor(private readonly limit = 64) {}

  /** A new match: numbering restarts at 1, nothing pending. */
  startMatch(): void {
    this.queue = [];
    this.sent = 0;
    this.acked = 0;
    this.newestTick = undefined;
    this.acceptAnyTick = false;
  }

  /** Assigns the next sequence number to `input` and keeps it pending. */
  record(input: I, sentAt: number): PendingInput<I> {
    const entry = { seq: ++this.sent, input, sentAt };
    this.queue.push(entry);
    if (this.queue.length > this.limit) this.queue.shift();
    return entry;
  }

  /**
   * Applies a state's acknowledgement. Returns false (and changes nothing) for a state that is not
   * newer than the newest one seen, unless it is the first after {@link resumed}.
   */
  acknowledge(lastInputSeq: number, tick: bigint): boolean {
    if (!this.acceptAnyTick && this.newestTick !== undefined && tick <= this.newestTick) return false;
    this.acceptAnyTick = false;
    this.newestTick = tick;
    this.acked = lastInputSeq;
    if (lastInputSeq > this.sent) this.sent = lastInputSeq; // a fresh client resuming a seat
    this.queue = this.queue.filter((entry) => entry.seq > lastInputSeq);
    return true;
  }

  /** The seat was taken back on a new connection: the next state may be from any tick. */
  resumed(): void {
    this.acceptAnyTick = true;
  }

  /** The inputs sent and not acknowledged yet, oldest first. */
  get pending(): readonly PendingInput<I>[] {
    return this.queue;
  }

  /** The last sequence number given out (0 before the first input of a match). */
  get lastSeq(): number {
    return this.sent;
  }

  /** The newest acknowledgement (`State.last_input_seq`) taken. */
  get lastAcknowledged(): number {
    return this.acked;
  }

  /**
   * The predicted state: `authoritative` with every pending input applied by `apply`, oldest
   * first. `apply` must not change its arguments in place if the caller keeps `authoritative`.
   */
  reconcile<S>(authoritative: S, apply: (state: S, pending: PendingInput<I>) => S): S {
    return this.queue.reduce(apply, authoritative);
  }
}
