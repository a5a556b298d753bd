import { create, type MessageInitShape } from '@bufbuild/protobuf';
import type { WireCodec } from './codec.js';
import { PlayfieldError } from './errors.js';
import { ClientMessageSchema, type ClientMessage, type ServerMessage } from './gen/playfield/v1/playfield_pb.js';
import { SOCKET_OPEN, type SocketFactory, type SocketLike } from './transport.js';

/** A client message body: `{ case: 'login', value: { name: 'ann' } }` and so on. */
export type ClientBody = Exclude<MessageInitShape<typeof ClientMessageSchema>['body'], undefined | { case: undefined }>;

/** What a {@link Connection} tells its owner. Called on the socket's event loop turn, in order. */
export interface ConnectionListener {
  /**
   * Every message from the server, after the request it answers (if any) was settled; `answered`
   * names that request (`login`, `ping`, ...), undefined for a push or a reply that came too late.
   */
  message(message: ServerMessage, answered: string | undefined): void;
  /** A frame that did not decode. */
  undecodable(error: PlayfieldError): void;
  /** The socket closed (once; not called for a socket that never opened). */
  closed(code: number, reason: string): void;
}

interface Waiting {
  kind: string;
  resolve(message: ServerMessage): void;
  reject(error: PlayfieldError): void;
  timer: ReturnType<typeof setTimeout>;
}

const MAX_REQUEST_ID = 0xffff_ffff;

/**
 * One WebSocket to one node: encodes and decodes, numbers requests and matches each reply to its
 * request by `request_id` (every request gets exactly one reply, its answer or an error). A lower
 * layer than {@link PlayfieldClient}, which reconnects; a Connection is done once closed.
 */
export class Connection {
  private readonly waiting = new Map<number, Waiting>();
  private nextRequestId = 1;
  private done = false;

  private constructor(
    private readonly socket: SocketLike,
    private readonly codec: WireCodec,
    private readonly requestTimeoutMs: number,
    private readonly listener: ConnectionListener,
    /** The URL this connection was opened to. */
    readonly url: string,
  ) {
    socket.onmessage = (event) => this.onFrame(event.data);
    socket.onclose = (event) => this.onClosed(event.code, event.reason);
  }

  /**
   * Opens a socket to `url`, offering the codec's subprotocol; resolves once it is open, and
   * rejects (with `CONNECTION_CLOSED`) when it closes or fails first.
   */
  static open(
    url: string,
    codec: WireCodec,
    socketFactory: SocketFactory,
    requestTimeoutMs: number,
    listener: ConnectionListener,
  ): Promise<Connection> {
    return new Promise((resolve, reject) => {
      let socket: SocketLike;
      try {
        socket = socketFactory(url, [codec.subprotocol]);
      } catch (cause) {
        reject(new PlayfieldError('CONNECTION_CLOSED', `cannot open ${url}: ${String(cause)}`, false));
        return;
      }
      socket.binaryType = 'arraybuffer';
      socket.onerror = () => {
        // A close event follows every error event; the close settles the promise.
      };
      socket.onclose = (event) =>
        reject(new PlayfieldError('CONNECTION_CLOSED', `could not connect to ${url} (close ${event.code}${event.reason ? ': ' + event.reason : ''})`, false));
      socket.onopen = () => resolve(new Connection(socket, codec, requestTimeoutMs, listener, url));
    });
  }

  get isOpen(): boolean {
    return !this.done && this.socket.readyState === SOCKET_OPEN;
  }

  /** The encoding the server answers in. */
  get encoding(): string {
    return this.codec.encoding;
  }

  /**
   * Sends a request and resolves with the server's answer; rejects with the server's error
   * (`fromServer`), or `REQUEST_TIMEOUT`, or `CONNECTION_CLOSED` when the socket closes first.
   * `kind` names the request in errors.
   */
  request(body: ClientBody, kind: string = body.case): Promise<ServerMessage> {
    if (!this.isOpen) {
      return Promise.reject(new PlayfieldError('NOT_CONNECTED', `cannot send ${kind}: not connected`, false, kind));
    }
    const requestId = this.takeRequestId();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(requestId);
        reject(new PlayfieldError('REQUEST_TIMEOUT', `no answer to ${kind} within ${this.requestTimeoutMs} ms`, false, kind));
      }, this.requestTimeoutMs);
      this.waiting.set(requestId, { kind, resolve, reject, timer });
      this.write(create(ClientMessageSchema, { requestId, body }));
    });
  }

  /** Sends a message that expects no reply (an input); false when the socket is not open. */
  send(body: ClientBody): boolean {
    if (!this.isOpen) return false;
    this.write(create(ClientMessageSchema, { body }));
    return true;
  }

  /** Sends a frame as it is, bypassing the codec (for tools and protocol tests). */
  sendFrame(frame: string | Uint8Array): boolean {
    if (!this.isOpen) return false;
    this.socket.send(frame);
    return true;
  }

  /** Closes the socket; waiting requests fail with `CONNECTION_CLOSED`, and `closed` follows. */
  close(code = 1000, reason = ''): void {
    if (this.done) return;
    this.socket.close(code, reason);
  }

  private write(message: ClientMessage): void {
    this.socket.send(this.codec.encode(message));
  }

  private takeRequestId(): number {
    const id = this.nextRequestId;
    this.nextRequestId = id >= MAX_REQUEST_ID ? 1 : id + 1;
    return id;
  }

  private onFrame(data: unknown): void {
    let message: ServerMessage;
    try {
      message = this.codec.decode(data);
    } catch (cause) {
      this.listener.undecodable(new PlayfieldError('DECODE_FAILED', `a frame from the server did not decode: ${String(cause)}`, false));
      return;
    }
    const waiting = message.requestId ? this.waiting.get(message.requestId) : undefined;
    if (waiting) {
      this.waiting.delete(message.requestId);
      clearTimeout(waiting.timer);
      if (message.body.case === 'error') {
        waiting.reject(PlayfieldError.fromServerError(message.body.value.code, message.body.value.message, waiting.kind));
      } else {
        waiting.resolve(message);
      }
    }
    this.listener.message(message, waiting?.kind);
  }

  private onClosed(code: number, reason: string): void {
    if (this.done) return;
    this.done = true;
    for (const [, waiting] of this.waiting) {
      clearTimeout(waiting.timer);
      waiting.reject(new PlayfieldError('CONNECTION_CLOSED', `the connection closed (${code}) before ${waiting.kind} was answered`, false, waiting.kind));
    }
    this.waiting.clear();
    this.listener.closed(code, reason);
  }
}
