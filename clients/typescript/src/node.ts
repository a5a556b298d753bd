/**
 * The Node.js entry point: everything of the main one, with the `ws` package as the default
 * WebSocket (Node.js 20 has none built in).
 * @packageDocumentation
 */
import WebSocket from 'ws';
import { setDefaultSocketFactory, type SocketLike } from './transport.js';

setDefaultSocketFactory((url, protocols) => new WebSocket(url, protocols) as unknown as SocketLike);

export * from './index.js';
