import type { ClockSample } from './clock.js';
import type { PlayfieldError } from './errors.js';
import type { State } from './gen/playfield/v1/playfield_pb.js';
import type { PendingInput } from './prediction.js';
import type { PrivateRoomInfo } from './private-rooms.js';

/** The player this client is logged in as. */
export interface Identity {
  playerId: string;
  name: string;
  rating: number;
  /** The session token: log in with it later to be the same player (the client stores it). */
  token: string;
}

/** One seat of a match. */
export interface Seat {
  playerId: string;
  name: string;
  rating: number;
  /** The player's index in the game: game messages refer to players by slot. */
  slot: number;
}

/** A match the player is in. */
export interface MatchInfo {
  roomId: string;
  mode: string;
  tickRate: number;
  /** This player's id. */
  you: string;
  /** This player's slot, when the seat list names it. */
  yourSlot: number | undefined;
  players: Seat[];
  /** True when the match was taken back by a resume rather than found in a queue. */
  resumed: boolean;
}

/** `waiting` (the countdown: inputs are queued), `running`, `finished`. */
export type MatchPhase = 'waiting' | 'running' | 'finished' | 'unspecified';

/** A state of the match, with the game's own state unpacked. */
export interface StateEvent<S, I> {
  roomId: string;
  tick: number;
  phase: MatchPhase;
  /** The highest input seq the server has applied for this player (0 before the first). */
  lastInputSeq: number;
  /** The game's state; undefined if the server sent a type the client was not given. */
  game: S | undefined;
  /** The inputs sent after `lastInputSeq`, oldest first: re-simulate them to predict. */
  pending: readonly PendingInput<I>[];
  /** Local monotonic time (ms, `performance.now()`) of arrival: for an InterpolationBuffer. */
  receivedAt: number;
  /** The message as it came. */
  raw: State;
}

export interface StandingInfo {
  playerId: string;
  name: string;
  rank: number;
  score: number;
  ratingBefore: number;
  ratingAfter: number;
  /** The player left (or their grace window ran out) before the end; ranked after those who stayed. */
  left: boolean;
}

export interface MatchEndEvent {
  roomId: string;
  tick: number;
  /** Best first; equal results share a rank. */
  standings: StandingInfo[];
  /** This player's row. */
  you: StandingInfo | undefined;
}

export interface CloseEvent {
  /** The WebSocket close code: 1001 a draining node, 4000-4002 see the README, 1006 a lost socket. */
  code: number;
  reason: string;
  /** True when the client will reconnect and resume by itself (watch `reconnecting`, `resumed`). */
  willReconnect: boolean;
}

export interface ReconnectingEvent {
  /** 1 for the first attempt after a drop. */
  attempt: number;
  maxAttempts: number;
  /** The wait before this attempt. */
  delayMs: number;
  /** Where this attempt goes. */
  url: string;
}

export interface ResumedEvent {
  identity: Identity;
  /** The match, when the seat is back; a state with the full game follows. */
  match: MatchInfo | undefined;
  /** The queue joined again because the player was waiting in it when the connection dropped. */
  requeued: string | undefined;
}

/**
 * The session is gone and will not come back by itself: `RESUME_EXPIRED` (the grace window
 * passed; the seat is gone), `RESUME_REJECTED` (the token was refused), or `RECONNECT_FAILED`
 * (no node answered within the attempts). Log in again to play on.
 */
export interface SessionLostEvent {
  reason: 'RESUME_EXPIRED' | 'RESUME_REJECTED' | 'RECONNECT_FAILED';
  /** The error behind it. */
  error: PlayfieldError | undefined;
  /** The match the player was in, if any: it goes on without them. */
  roomId: string | undefined;
}

export interface QueueEvent {
  mode: string;
  /** The player's rating in that mode's queue (for `queued`). */
  rating: number;
}

/** Every event a {@link PlayfieldClient} emits, by name. */
export interface ClientEvents<S, I> {
  /** A socket opened (the first one, or one opened to reconnect). */
  open: { url: string };
  loggedIn: Identity;
  queued: QueueEvent;
  queueLeft: QueueEvent;
  matchFound: MatchInfo;
  state: StateEvent<S, I>;
  matchEnd: MatchEndEvent;
  /** A private room the player is in, as it is now: each answer, and each change (a join, a leave, its start). */
  privateRoom: PrivateRoomInfo;
  /** The answer to `leavePrivateRoom`: the player is out of the room. */
  privateRoomLeft: { code: string };
  /** The answer to `leaveMatch`: the seat is given up. */
  matchLeft: { roomId: string };
  pong: ClockSample;
  /** An error no awaited request received (an input refused, a frame that did not decode). */
  error: PlayfieldError;
  close: CloseEvent;
  reconnecting: ReconnectingEvent;
  resumed: ResumedEvent;
  sessionLost: SessionLostEvent;
}
