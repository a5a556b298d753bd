import type { Message } from '@bufbuild/protobuf';
import type { ReconnectPolicy } from './backoff.js';
import type { Encoding } from './codec.js';
import type { Identity, MatchInfo } from './events.js';
import type { GameDefinition } from './game-types.js';
import type { KeyValueStore } from './storage.js';
import type { SocketFactory } from './transport.js';

/** What a `PlayfieldClient` is made with, and what its calls take and give. */

export interface ClientOptions<S extends Message, I extends Message> {
  /**
   * The node's WebSocket URL (`ws://host:8080/ws`), or several nodes of one cluster: the client
   * moves to the next when one cannot be reached or says it is going away (1001).
   */
  url: string | string[];
  /**
   * The game's state and input messages (for arena: `arenaSchemas` from `@playfield/client/arena`),
   * or, without generated code, `jsonGame(stateName, inputName)`: then states and inputs are JSON objects.
   */
  game: GameDefinition<S, I>;
  /** `binary` Protobuf (default; `json` for a `jsonGame`) or `json`. */
  encoding?: Encoding;
  /** Automatic reconnection after a drop; `false` turns it off. */
  reconnect?: Partial<ReconnectPolicy> | false;
  /** How long a request waits for its answer (default 15 s: the server retries queue requests for up to 10 s). */
  requestTimeoutMs?: number;
  /** How often to ping while connected, for the round trip and the clock offset (default 2,000 ms; 0: only on request). */
  pingIntervalMs?: number;
  /** Keeps the session token, so that a later login is the same player (default: in memory). */
  identityStore?: KeyValueStore;
  /** Keeps the resume token, so that a reload can take the seat back (default: in memory). */
  sessionStore?: KeyValueStore;
  /** Opens sockets (default: the platform's WebSocket; `ws` in Node.js). */
  socketFactory?: SocketFactory;
  /** For `listModes` (default: the global fetch). */
  fetch?: typeof fetch;
  /** Unacknowledged inputs kept for prediction and resending (default 64). */
  maxPendingInputs?: number;
}

/** `closed`, `connecting`, `open` (a socket is up; logged in or not), `reconnecting` (after a drop). */
export type ClientStatus = 'closed' | 'connecting' | 'open' | 'reconnecting';

export interface LoginOptions {
  /** The display name; for an account login, empty keeps the account's own. */
  name: string;
  /** A session token from an earlier login; default: the one in the identity store. */
  token?: string;
  /** On `INVALID_TOKEN` / `TOKEN_EXPIRED`, log in again as a new guest (default true; never for account logins). */
  fallbackToGuest?: boolean;
  /**
   * Log in to an account with a username and password, or register it with `createAccount` (for
   * the player of the token, when there is one: a guest keeps its rating and history). Refused
   * with `INVALID_CREDENTIALS`, `ACCOUNT_TAKEN`, `TOO_MANY_ATTEMPTS` or `INVALID_ARGUMENT`.
   */
  username?: string;
  password?: string;
  createAccount?: boolean;
  /** Log in with an identity token from the server's OpenID Connect provider (linked to the token's player when new). */
  idToken?: string;
}

/** The player logged in as; `tokenRefused` tells that the token was refused and this is a new guest. */
export type LoginResult = Identity & { tokenRefused?: 'INVALID_TOKEN' | 'TOKEN_EXPIRED' };

/** What {@link PlayfieldClient.start} did. */
export interface StartResult {
  identity: Identity;
  /** Set when a stored session was resumed straight back into its match. */
  match: MatchInfo | undefined;
  resumed: boolean;
}
