import type { Message, MessageInitShape } from '@bufbuild/protobuf';
import type { GenMessage } from '@bufbuild/protobuf/codegenv2';
import { matchEndOf, matchOf, phaseOf } from './convert.js';
import type { MatchEndEvent, MatchInfo, MatchPhase, StateEvent } from './events.js';
import type { GameTypes } from './game-types.js';
import type { MatchEnd, MatchFound, State } from './gen/playfield/v1/playfield_pb.js';
import { InputPrediction, type PendingInput } from './prediction.js';

/** An input as a game developer may give it: the message, or the fields to build it from. */
export type InputLike<I extends Message> = I | MessageInitShape<GenMessage<I>>;

/**
 * The client's view of the match it is in: which room, the phase, the numbering of inputs and
 * the ones not yet applied. Knows nothing of sockets: the client feeds it messages and asks it
 * what to send. Also remembers a room that was left behind by a resume without a seat, whose
 * `matchEnd` may still come.
 */
export class MatchTracker<S extends Message, I extends Message> {
  private current: { info: MatchInfo; phase: MatchPhase } | undefined;
  private endedRoom: string | undefined;
  private readonly prediction: InputPrediction<I>;
  /** Set by a resume: the first state decides the numbering, then pending inputs go again. */
  private awaitingResumeState = false;

  constructor(
    private readonly types: GameTypes<S, I>,
    maxPendingInputs: number,
  ) {
    this.prediction = new InputPrediction<I>(maxPendingInputs);
  }

  get match(): MatchInfo | undefined {
    return this.current?.info;
  }

  get phase(): MatchPhase | undefined {
    return this.current?.phase;
  }

  get pending(): readonly PendingInput<I>[] {
    return this.prediction.pending;
  }

  get predictions(): InputPrediction<I> {
    return this.prediction;
  }

  /** A `matchFound` from the queue: a new match, inputs numbered from 1. */
  found(found: MatchFound): MatchInfo {
    this.prediction.startMatch();
    this.awaitingResumeState = false;
    this.endedRoom = undefined;
    this.current = { info: matchOf(found, false), phase: 'waiting' };
    return this.current.info;
  }

  /**
   * A `resumed` that carries the match. Returns the match when it is new to this client (a
   * reload: the caller announces it as found), undefined when it is the one already tracked.
   */
  resumed(found: MatchFound): MatchInfo | undefined {
    const info = matchOf(found, true);
    const known = this.current?.info.roomId === info.roomId;
    if (!known) {
      this.prediction.startMatch();
      this.current = { info, phase: 'waiting' };
    } else {
      this.current!.info = { ...info };
    }
    this.prediction.resumed();
    this.awaitingResumeState = true;
    return known ? undefined : info;
  }

  /** A `resumed` without the match: the seat is gone, but the match's end may still follow. */
  resumedWithoutSeat(): void {
    if (this.current) this.endedRoom = this.current.info.roomId;
    this.current = undefined;
    this.awaitingResumeState = false;
  }

  /**
   * A state: the event to emit, with the inputs to send again first (after a resume), or
   * undefined for a state of another room or one older than the newest seen.
   */
  state(state: State, receivedAt: number): { event: StateEvent<S, I>; resend: readonly PendingInput<I>[] } | undefined {
    const current = this.current;
    if (!current || state.roomId !== current.info.roomId) return undefined;
    if (!this.prediction.acknowledge(state.lastInputSeq, state.tick)) return undefined;
    current.phase = phaseOf(state.phase);
    const resend = this.awaitingResumeState ? [...this.prediction.pending] : [];
    this.awaitingResumeState = false;
    const event: StateEvent<S, I> = {
      roomId: state.roomId,
      tick: Number(state.tick),
      phase: current.phase,
      lastInputSeq: state.lastInputSeq,
      game: this.types.unpackState(state.game),
      pending: [...this.prediction.pending], // as of this state: later inputs do not show up in it
      receivedAt,
      raw: state,
    };
    return { event, resend };
  }

  /** A `matchEnd` for this match (or the one left behind): the event, else undefined. */
  ended(end: MatchEnd, playerId: string | undefined): MatchEndEvent | undefined {
    const roomId = this.current?.info.roomId ?? this.endedRoom;
    if (end.roomId !== roomId) return undefined;
    const event = matchEndOf(end, this.current?.info.you ?? playerId);
    this.forget();
    return event;
  }

  /** The match is over for this player (left it, or the session is gone). */
  forget(): void {
    this.current = undefined;
    this.endedRoom = undefined;
    this.awaitingResumeState = false;
    this.prediction.startMatch();
  }

  /**
   * Numbers an input and keeps it pending. Undefined when there is no match, or right after a
   * resume in a fresh client, before the state that tells it where the numbering stands.
   * `sendNow` says whether it may go out at once (else it goes with the next resend).
   */
  record(input: InputLike<I>, sentAt: number): { entry: PendingInput<I>; sendNow: boolean } | undefined {
    if (!this.current) return undefined;
    if (this.awaitingResumeState && this.prediction.lastSeq === 0) return undefined;
    const entry = this.prediction.record(this.types.toInput(input), sentAt);
    return { entry, sendNow: !this.awaitingResumeState };
  }
}
