/**
 * `@playfield/client`: a TypeScript client for Playfield game servers, for browsers and Node.js.
 *
 * Start with {@link PlayfieldClient}; the reference game's messages are in `@playfield/client/arena`.
 * @packageDocumentation
 */
export { PlayfieldClient } from './client.js';
export type { ClientOptions, ClientStatus, LoginOptions, LoginResult, StartResult } from './client-options.js';
export type {
  ClientEvents,
  CloseEvent,
  Identity,
  MatchEndEvent,
  MatchInfo,
  MatchPhase,
  QueueEvent,
  ReconnectingEvent,
  ResumedEvent,
  Seat,
  SessionLostEvent,
  StandingInfo,
  StateEvent,
} from './events.js';
export type { LeaderboardPage, LeaderboardRow, PlayedMatchInfo } from './records.js';
export type { PrivateRoomInfo, RoomListPage } from './private-rooms.js';
export { PlayfieldError } from './errors.js';
export type { ClientErrorCode, ServerErrorCode } from './errors.js';
export { CloseCode, actionForClose } from './close-codes.js';
export type { CloseAction } from './close-codes.js';
export { InputPrediction } from './prediction.js';
export type { PendingInput } from './prediction.js';
export { InterpolationBuffer } from './interpolation.js';
export type { InterpolationOptions, RenderSample, Snapshot } from './interpolation.js';
export { ClockSync } from './clock.js';
export type { ClockSample } from './clock.js';
export { DEFAULT_RECONNECT, reconnectDelay } from './backoff.js';
export type { ReconnectPolicy } from './backoff.js';
export { listModes, httpBaseOf } from './modes.js';
export type { ModeInfo } from './modes.js';
export { memoryStore, webStore } from './storage.js';
export type { KeyValueStore, WebStorageLike } from './storage.js';
export { Connection } from './connection.js';
export type { ClientBody, ConnectionListener } from './connection.js';
export { codecFor } from './codec.js';
export type { Encoding, WireCodec } from './codec.js';
export { GameTypes, JsonGameTypes, jsonGame, isJsonGame } from './game-types.js';
export type { GameSchemas, GameDefinition, JsonGame, JsonGameMessage } from './game-types.js';
export { Emitter } from './emitter.js';
export { setDefaultSocketFactory, defaultSocketFactory } from './transport.js';
export type { SocketFactory, SocketLike } from './transport.js';
export type { InputLike } from './match-tracker.js';
/** The protocol's own messages (`playfield.v1`), generated from its .proto. */
export * as protocol from './gen/playfield/v1/playfield_pb.js';
