import type { Message } from '@bufbuild/protobuf';
import { DEFAULT_RECONNECT, type ReconnectPolicy } from './backoff.js';
import { ClockSync, type ClockSample } from './clock.js';
import { actionForClose } from './close-codes.js';
import { codecFor, type WireCodec } from './codec.js';
import { Connection, type ClientBody } from './connection.js';
import { identityOf } from './convert.js';
import { Emitter } from './emitter.js';
import { PlayfieldError } from './errors.js';
import type { ClientOptions, ClientStatus, LoginOptions, LoginResult, StartResult } from './client-options.js';
import type { ClientEvents, Identity, MatchInfo, MatchPhase, QueueEvent, ResumedEvent, SessionLostEvent } from './events.js';
import { GameTypes } from './game-types.js';
import type { LoginOk, Resumed, ServerMessage } from './gen/playfield/v1/playfield_pb.js';
import { MatchTracker, type InputLike } from './match-tracker.js';
import { listModes, type ModeInfo } from './modes.js';
import type { PendingInput } from './prediction.js';
import { Reconnector } from './reconnector.js';
import { leaderboard, recentMatches, type LeaderboardPage, type PlayedMatchInfo } from './records.js';
import { listRooms, privateRoomOf, privateRoomRequest, type PrivateRoomInfo, type RoomListPage } from './private-rooms.js';
import { memoryStore, SavedTokens } from './storage.js';
import { defaultSocketFactory, type SocketFactory } from './transport.js';

const monotonicNow = () => performance.now();

/**
 * A Playfield game client: one player's session with a node. Connects, logs in (or resumes),
 * queues, sends the game's inputs numbered, and emits typed events: `matchFound`, `state` (the
 * game's state unpacked), `matchEnd`, `error` (by stable code), `close` (by code). When the
 * connection drops it reconnects and resumes the session and the seat by itself, and tells
 * (`reconnecting`, `resumed`, or `sessionLost` when the seat is gone).
 *
 * Not safe for use from several threads (no JavaScript client is); every listener runs on the
 * event loop turn of the message that caused it.
 */
export class PlayfieldClient<S extends Message = Message, I extends Message = Message> {
  private readonly events = new Emitter<ClientEvents<S, I>>();
  private readonly types: GameTypes<S, I>;
  private readonly codec: WireCodec;
  private readonly urls: string[];
  private readonly policy: ReconnectPolicy | undefined;
  private readonly requestTimeoutMs: number;
  private readonly pingIntervalMs: number;
  private readonly tokens: SavedTokens;
  private readonly socketFactory: SocketFactory;
  private readonly fetchImpl: typeof fetch | undefined;
  private readonly tracker: MatchTracker<S, I>;
  private readonly clockSync = new ClockSync();

  private conn: Connection | undefined;
  private statusValue: ClientStatus = 'closed';
  private identityValue: Identity | undefined;
  private queueMode: string | undefined;
  /** The queue the player was in when the connection dropped: joined again after the resume. */
  private queueBeforeDrop: string | undefined;
  private lastResumed: ResumedEvent | undefined;
  private urlIndex = 0;
  private closedByClient = false;
  private reconnector: Reconnector | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;

  constructor(options: ClientOptions<S, I>) {
    this.urls = Array.isArray(options.url) ? [...options.url] : [options.url];
    if (this.urls.length === 0) throw new RangeError('at least one URL is needed');
    this.types = new GameTypes(options.game);
    this.codec = codecFor(options.encoding ?? (this.types.json ? 'json' : 'binary'), this.types.registry, this.types.json);
    this.policy = options.reconnect === false ? undefined : { ...DEFAULT_RECONNECT, ...options.reconnect };
    this.requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
    this.pingIntervalMs = options.pingIntervalMs ?? 2_000;
    this.tokens = new SavedTokens(options.identityStore ?? memoryStore(), options.sessionStore ?? memoryStore());
    this.socketFactory = options.socketFactory ?? defaultSocketFactory();
    this.fetchImpl = options.fetch;
    this.tracker = new MatchTracker(this.types, options.maxPendingInputs ?? 64);
  }

  // ---- events ----------------------------------------------------------------------------

  /** Adds a listener; returns a function that removes it. */
  on<K extends keyof ClientEvents<S, I>>(name: K, listener: (event: ClientEvents<S, I>[K]) => void): () => void {
    return this.events.on(name, listener);
  }

  once<K extends keyof ClientEvents<S, I>>(name: K, listener: (event: ClientEvents<S, I>[K]) => void): () => void {
    return this.events.once(name, listener);
  }

  off<K extends keyof ClientEvents<S, I>>(name: K, listener: (event: ClientEvents<S, I>[K]) => void): void {
    this.events.off(name, listener);
  }

  /** The next event of that name (rejects after `timeoutMs` when given). */
  next<K extends keyof ClientEvents<S, I>>(name: K, timeoutMs = 0): Promise<ClientEvents<S, I>[K]> {
    return this.events.next(name, timeoutMs);
  }

  // ---- what the client knows -------------------------------------------------------------

  get status(): ClientStatus {
    return this.statusValue;
  }

  /** The player logged in as, or undefined. */
  get identity(): Identity | undefined {
    return this.identityValue;
  }

  /** The mode whose queue the player waits in, or undefined. */
  get queue(): string | undefined {
    return this.queueMode;
  }

  /** The match the player is in, or undefined. */
  get match(): MatchInfo | undefined {
    return this.tracker.match;
  }

  /** The phase of that match, as of its newest state. */
  get matchPhase(): MatchPhase | undefined {
    return this.tracker.phase;
  }

  /** Inputs sent and not yet applied by the server, oldest first (the prediction helper's). */
  get pendingInputs(): readonly PendingInput<I>[] {
    return this.tracker.pending;
  }

  /** Round trip and clock offset, from ping/pong. */
  get clock(): ClockSync {
    return this.clockSync;
  }

  /** The latest round trip in ms, or undefined before the first pong. */
  get rttMs(): number | undefined {
    return this.clockSync.rttMs;
  }

  /** The server's clock minus this one's (`Date.now()`), in ms; undefined before the first pong. */
  get clockOffsetMs(): number | undefined {
    return this.clockSync.offsetMs;
  }

  /** The server's wall clock now (ms since the epoch), estimated. */
  serverNow(): number {
    return this.clockSync.serverNow();
  }

  /** True when a resume token is stored: {@link resume} may take the session back. */
  get canResume(): boolean {
    return !!this.tokens.resumeToken;
  }

  /** The URL of the current (or next) connection. */
  get url(): string {
    return this.urls[this.urlIndex]!;
  }

  /** The current connection, for protocol-level work (raw frames, bodies the SDK has no method for). */
  get connection(): Connection | undefined {
    return this.conn;
  }

  // ---- requests --------------------------------------------------------------------------

  /** Opens a socket, trying each URL in turn; resolves when one is open. */
  async connect(): Promise<void> {
    if (this.conn?.isOpen || this.statusValue === 'reconnecting') return;
    this.closedByClient = false;
    this.statusValue = 'connecting';
    let failure: unknown;
    for (let tried = 0; tried < this.urls.length; tried++) {
      try {
        await this.openConnection(this.url);
        this.statusValue = 'open';
        this.startPinging();
        return;
      } catch (error) {
        failure = error;
        this.moveToNextUrl();
      }
    }
    this.statusValue = 'closed';
    throw failure;
  }

  /**
   * Logs in as a guest named `name`, or as the player of the stored (or given) token. A refused
   * token is dropped and the login repeated as a new guest unless `fallbackToGuest` is false.
   */
  async login(options: LoginOptions): Promise<LoginResult> {
    const token = options.token ?? this.tokens.token ?? '';
    if (options.username || options.password || options.createAccount || options.idToken) {
      return this.accountLogin(options, token);
    }
    try {
      await this.request({ case: 'login', value: { name: options.name, token } });
      return { ...this.identityValue! };
    } catch (error) {
      const refused = error instanceof PlayfieldError && (error.code === 'INVALID_TOKEN' || error.code === 'TOKEN_EXPIRED');
      if (!token || !refused || options.fallbackToGuest === false) throw error;
      this.tokens.dropToken();
      await this.request({ case: 'login', value: { name: options.name } });
      return { ...this.identityValue!, tokenRefused: error.code as 'INVALID_TOKEN' | 'TOKEN_EXPIRED' };
    }
  }

  /** A username, registration or identity-token login; the stored token goes along to link a guest. */
  private async accountLogin(options: LoginOptions, token: string): Promise<LoginResult> {
    await this.request({
      case: 'login',
      value: {
        name: options.name,
        token,
        username: options.username ?? '',
        password: options.password ?? '',
        createAccount: options.createAccount ?? false,
        idToken: options.idToken ?? '',
      },
    });
    return { ...this.identityValue! };
  }

  /**
   * Takes the stored session back (after a reload, say): the same player, and the seat if the
   * match is still on. Rejects with `RESUME_EXPIRED` or `RESUME_REJECTED` (the stored token is
   * then dropped: log in instead), or `NO_SESSION` when nothing is stored.
   */
  async resume(): Promise<ResumedEvent> {
    const resumeToken = this.tokens.resumeToken;
    if (!resumeToken) throw new PlayfieldError('NO_SESSION', 'no session to resume', false, 'resume');
    try {
      await this.request({ case: 'resume', value: { resumeToken } });
    } catch (error) {
      if (error instanceof PlayfieldError && (error.code === 'RESUME_EXPIRED' || error.code === 'RESUME_REJECTED')) {
        this.tokens.dropResumeToken();
      }
      throw error;
    }
    return this.lastResumed!;
  }

  /** Connects, then resumes the stored session if there is one and it is still valid, else logs in. */
  async start(options: LoginOptions): Promise<StartResult> {
    await this.connect();
    if (this.canResume) {
      try {
        const back = await this.resume();
        return { identity: back.identity, match: back.match, resumed: true };
      } catch (error) {
        if (!(error instanceof PlayfieldError && error.code.startsWith('RESUME_'))) throw error;
      }
    }
    return { identity: await this.login(options), match: undefined, resumed: false };
  }

  /** Waits in the queue of `mode` (`UNKNOWN_MODE`, `ALREADY_QUEUED`, `ALREADY_IN_MATCH` otherwise). */
  async joinQueue(mode: string): Promise<QueueEvent> {
    const reply = await this.request({ case: 'joinQueue', value: { mode } });
    return reply.body.case === 'queued' ? { mode: reply.body.value.mode, rating: reply.body.value.rating } : { mode, rating: 0 };
  }

  /** Leaves the queue (a match formed meanwhile goes on without the player). */
  async leaveQueue(): Promise<void> {
    await this.request({ case: 'leaveQueue', value: {} });
  }

  /**
   * Creates a private room for `mode` and returns it: share its `code`. Friends who join are told
   * in `privateRoom` events; `startPrivateRoom()` (or a full room) starts the match (`matchFound`).
   */
  createPrivateRoom(mode: string, options: { listed?: boolean; label?: string } = {}): Promise<PrivateRoomInfo> {
    const value = { mode, listed: options.listed ?? false, label: options.label ?? '' };
    return privateRoomRequest((body) => this.request(body), { case: 'createPrivateRoom', value });
  }

  /** The listed open rooms of `mode`; with `since` (an earlier page's `cursor`), only what changed after it. */
  listRooms(mode: string, page: { offset?: number; limit?: number; since?: bigint } = {}): Promise<RoomListPage> {
    return listRooms((body) => this.request(body), mode, page.offset ?? 0, page.limit ?? 0, page.since ?? 0n);
  }

  /** Joins the private room of `code` (`ROOM_NOT_FOUND`, `ROOM_FULL`, `ROOM_STARTED`, `INVALID_STATE`). */
  joinPrivateRoom(code: string): Promise<PrivateRoomInfo> {
    return privateRoomRequest((body) => this.request(body), { case: 'joinPrivateRoom', value: { code } });
  }

  /** Starts the private room's match (its creator only: `NOT_ROOM_CREATOR`, `NOT_ENOUGH_PLAYERS`). */
  startPrivateRoom(): Promise<PrivateRoomInfo> {
    return privateRoomRequest((body) => this.request(body), { case: 'startPrivateRoom', value: {} });
  }

  /** Leaves the private room; a creator who leaves hands it to the next member. */
  async leavePrivateRoom(): Promise<void> {
    await this.request({ case: 'leavePrivateRoom', value: {} });
  }

  /** Gives the seat up; the match goes on without the player, who ranks last. */
  async leaveMatch(): Promise<void> {
    await this.request({ case: 'leaveMatch', value: {} });
  }

  /**
   * Sends one game input, numbered: returns its seq, or undefined when there is no match (or
   * right after a resume in a fresh client, until the state that follows it). While the client
   * reconnects, inputs are numbered and kept, and go out after the resume with every other
   * input the server had not applied (it ignores any it already has).
   */
  sendInput(input: InputLike<I>): number | undefined {
    const recorded = this.tracker.record(input, monotonicNow());
    if (!recorded) return undefined;
    if (recorded.sendNow && this.statusValue === 'open') this.sendPending(recorded.entry);
    return recorded.entry.seq;
  }

  /** Measures the round trip and the clock offset once (the client also pings on its own). */
  async ping(): Promise<ClockSample> {
    const sentAt = Date.now();
    const started = monotonicNow();
    const reply = await this.request({ case: 'ping', value: { clientTime: BigInt(sentAt) } });
    const rttMs = monotonicNow() - started;
    if (reply.body.case !== 'pong') throw new PlayfieldError('DECODE_FAILED', `a ping was answered with ${reply.body.case}`, false, 'ping');
    const sample = this.clockSync.add(sentAt, rttMs, Number(reply.body.value.serverTimeMs));
    this.events.emit('pong', sample);
    return sample;
  }

  /** The logged-in player's last finished matches, the latest first (`limit` 1 to 50; 0: 10). */
  recentMatches(limit = 0): Promise<PlayedMatchInfo[]> {
    return recentMatches((body) => this.request(body), limit);
  }

  /** A page of `mode`'s leaderboard and this player's own line (`limit` 1 to 100; 0: 20). */
  leaderboard(mode: string, page: { offset?: number; limit?: number } = {}): Promise<LeaderboardPage> {
    return leaderboard((body) => this.request(body), mode, page.offset ?? 0, page.limit ?? 0);
  }

  /** The modes the node plays (`GET /api/modes`); undefined when the node is older than that list. */
  listModes(): Promise<ModeInfo[] | undefined> {
    return listModes(this.url, this.fetchImpl ?? fetch);
  }

  /** Closes the connection for good: no reconnection. The seat, if any, is held for the grace window. */
  close(): void {
    this.closedByClient = true;
    this.reconnector?.cancel();
    this.stopPinging();
    if (this.conn) {
      this.conn.close(1000, 'closed by the client');
    } else if (this.statusValue !== 'closed') {
      this.statusValue = 'closed';
      this.events.emit('close', { code: 1000, reason: 'closed by the client', willReconnect: false });
    }
  }

  // ---- the connection --------------------------------------------------------------------

  private request(body: ClientBody): Promise<ServerMessage> {
    if (!this.conn) return Promise.reject(new PlayfieldError('NOT_CONNECTED', `cannot send ${body.case}: not connected`, false, body.case));
    return this.conn.request(body);
  }

  private async openConnection(url: string): Promise<void> {
    let self: Connection | undefined;
    const opened = await Connection.open(url, this.codec, this.socketFactory, this.requestTimeoutMs, {
      message: (message, answered) => {
        if (self && self === this.conn) this.onMessage(message, answered);
      },
      undecodable: (error) => {
        if (self && self === this.conn) this.events.emit('error', error);
      },
      closed: (code, reason) => {
        if (self && self === this.conn) this.onClosed(code, reason);
      },
    });
    self = opened;
    this.conn = opened;
    this.clockSync.reset(); // another node may keep another clock
    this.events.emit('open', { url });
  }

  private moveToNextUrl(): void {
    this.urlIndex = (this.urlIndex + 1) % this.urls.length;
  }

  private sendPending(pending: PendingInput<I>): void {
    this.conn?.send({ case: 'input', value: { seq: pending.seq, game: this.types.packInput(pending.input) } });
  }

  private onMessage(message: ServerMessage, answered: string | undefined): void {
    const body = message.body;
    switch (body.case) {
      case 'loginOk':
        this.loggedIn(body.value);
        break;
      case 'resumed':
        this.onResumed(body.value);
        break;
      case 'queued':
        this.queueMode = body.value.mode;
        this.events.emit('queued', { mode: body.value.mode, rating: body.value.rating });
        break;
      case 'queueLeft':
        this.queueMode = undefined;
        this.events.emit('queueLeft', { mode: body.value.mode, rating: this.identityValue?.rating ?? 0 });
        break;
      case 'matchFound':
        this.queueMode = undefined;
        this.events.emit('matchFound', this.tracker.found(body.value));
        break;
      case 'state': {
        const update = this.tracker.state(body.value, monotonicNow());
        if (!update) break;
        for (const pending of update.resend) this.sendPending(pending);
        this.events.emit('state', update.event);
        break;
      }
      case 'matchEnd': {
        const end = this.tracker.ended(body.value, this.identityValue?.playerId);
        if (end) this.events.emit('matchEnd', end);
        break;
      }
      case 'privateRoom':
        this.events.emit('privateRoom', privateRoomOf(body.value));
        break;
      case 'privateRoomLeft':
        this.events.emit('privateRoomLeft', { code: body.value.code });
        break;
      case 'matchLeft':
        this.tracker.forget();
        this.events.emit('matchLeft', { roomId: body.value.roomId });
        break;
      case 'error':
        // An answer to a request rejected its promise; the rest (inputs refused) are events.
        if (!answered) this.events.emit('error', PlayfieldError.fromServerError(body.value.code, body.value.message));
        break;
      default:
        break; // pong: measured by ping(); unknown bodies: a newer server, nothing to do
    }
  }

  private loggedIn(login: LoginOk): Identity {
    const identity = identityOf(login);
    this.identityValue = identity;
    this.tokens.save(login.token, login.resumeToken);
    this.events.emit('loggedIn', identity);
    return identity;
  }

  private onResumed(resumed: Resumed): void {
    const identity = this.loggedIn(resumed.login ?? ({} as LoginOk));
    this.statusValue = 'open';
    this.startPinging();
    let match: MatchInfo | undefined;
    if (resumed.match) {
      const fresh = this.tracker.resumed(resumed.match);
      match = this.tracker.match;
      if (fresh) this.events.emit('matchFound', fresh);
    } else {
      this.tracker.resumedWithoutSeat();
    }
    const requeued = match ? undefined : this.queueBeforeDrop;
    this.queueBeforeDrop = undefined;
    this.lastResumed = { identity, match, requeued };
    this.events.emit('resumed', this.lastResumed);
    if (requeued) this.joinQueue(requeued).catch((error: PlayfieldError) => this.events.emit('error', error));
  }

  private onClosed(code: number, reason: string): void {
    this.conn = undefined;
    this.stopPinging();
    // An attempt's socket: the reconnector sees the failure itself.
    if (this.statusValue === 'reconnecting' && !this.closedByClient) return;
    const action = this.closedByClient ? 'stop' : actionForClose(code);
    const resumable = !!this.policy && !!this.identityValue && this.canResume;
    if (action === 'stop' || !resumable) {
      this.statusValue = 'closed';
      this.queueMode = undefined;
      this.events.emit('close', { code, reason, willReconnect: false });
      return;
    }
    this.queueBeforeDrop = this.queueMode; // the server takes a dropped player out of the queue
    this.queueMode = undefined;
    if (action === 'resume-elsewhere' && this.urls.length > 1) this.moveToNextUrl();
    this.statusValue = 'reconnecting';
    this.events.emit('close', { code, reason, willReconnect: true });
    void this.reconnect(action === 'resume-elsewhere');
  }

  private async reconnect(goingAway: boolean): Promise<void> {
    const run = new Reconnector(this.policy!, {
      nextUrl: () => this.url,
      open: async (url) => {
        try {
          await this.openConnection(url);
        } catch (error) {
          this.moveToNextUrl();
          throw error;
        }
      },
      resume: () => this.resume().then(() => undefined),
      discard: () => {
        const attempt = this.conn;
        this.conn = undefined;
        attempt?.close(1000, 'resume failed');
      },
      reconnecting: (event) => this.events.emit('reconnecting', event),
      lost: (reason, error) => this.sessionLost(reason, error),
    });
    this.reconnector = run;
    try {
      await run.run(goingAway);
    } finally {
      if (this.reconnector === run) this.reconnector = undefined;
      if (this.statusValue === 'reconnecting') this.statusValue = this.conn?.isOpen ? 'open' : 'closed';
    }
  }

  private sessionLost(reason: SessionLostEvent['reason'], error: PlayfieldError | undefined): void {
    const roomId = this.tracker.match?.roomId;
    this.tracker.forget();
    this.identityValue = undefined;
    this.queueBeforeDrop = undefined;
    this.tokens.dropResumeToken();
    this.statusValue = this.conn?.isOpen ? 'open' : 'closed';
    this.events.emit('sessionLost', { reason, error, roomId });
  }

  private startPinging(): void {
    if (this.pingIntervalMs <= 0 || this.pingTimer) return;
    const pingOnce = () => void this.ping().catch(() => undefined); // a lost pong is no error for the game
    pingOnce();
    this.pingTimer = setInterval(pingOnce, this.pingIntervalMs);
  }

  private stopPinging(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = undefined;
  }
}
