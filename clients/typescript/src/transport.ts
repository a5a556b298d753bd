/**
 * The part of the WebSocket API the SDK uses: what browsers' `WebSocket` and the `ws` package's
 * both offer. A test or an unusual platform can supply its own through {@link SocketFactory}.
 */
export interface SocketLike {
  binaryType: string;
  readonly readyState: number;
  /** The subprotocol the server chose ('' when none). */
  readonly protocol: string;
  send(data: string | Uint8Array): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

/** Opens a socket to `url`, offering `protocols`. */
export type SocketFactory = (url: string, protocols: string[]) => SocketLike;

/** `readyState` of an open socket, as in the WebSocket API. */
export const SOCKET_OPEN = 1;

let configuredFactory: SocketFactory | undefined;

/** Sets the factory used when a client is given none (the Node.js entry point sets the `ws` one). */
export function setDefaultSocketFactory(factory: SocketFactory): void {
  configuredFactory = factory;
}

/** The factory set as the default, else the platform's WebSocket (browsers, Node.js 22+). */
export function defaultSocketFactory(): SocketFactory {
  if (configuredFactory) return configuredFactory;
  const native = (globalThis as { WebSocket?: new (url: string, protocols: string[]) => SocketLike }).WebSocket;
  if (native) return (url, protocols) => new native(url, protocols);
  throw new Error('no WebSocket on this platform: import the SDK\'s Node.js entry point or pass socketFactory');
}
