import { fromBinary, fromJsonString, toBinary, toJsonString, type Registry } from '@bufbuild/protobuf';
import {
  ClientMessageSchema,
  ServerMessageSchema,
  type ClientMessage,
  type ServerMessage,
} from './gen/playfield/v1/playfield_pb.js';

/** Binary Protobuf (the default: smaller and cheaper) or canonical proto3 JSON (readable). */
export type Encoding = 'binary' | 'json';

/** Encodes what the client sends and decodes what the server sends, in one encoding. */
export interface WireCodec {
  readonly encoding: Encoding;
  /** The WebSocket subprotocol that asks the server for this encoding. */
  readonly subprotocol: string;
  encode(message: ClientMessage): string | Uint8Array;
  /** Decodes one frame; throws when it is not a `ServerMessage`. Either frame type is read. */
  decode(data: unknown): ServerMessage;
}

/**
 * The codec for `encoding`. `registry` must hold the game's messages: JSON writes and reads an
 * `Any` by its `@type`. Unknown fields are skipped in both encodings, since the protocol only
 * grows.
 */
export function codecFor(encoding: Encoding, registry: Registry): WireCodec {
  const decode = (data: unknown): ServerMessage => {
    if (typeof data === 'string') {
      return fromJsonString(ServerMessageSchema, data, { registry, ignoreUnknownFields: true });
    }
    return fromBinary(ServerMessageSchema, bytesOf(data));
  };
  if (encoding === 'json') {
    return {
      encoding,
      subprotocol: 'playfield.v1.json',
      encode: (message) => toJsonString(ClientMessageSchema, message, { registry }),
      decode,
    };
  }
  return {
    encoding,
    subprotocol: 'playfield.v1.binary',
    encode: (message) => toBinary(ClientMessageSchema, message),
    decode,
  };
}

function bytesOf(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new TypeError(`not a WebSocket frame: ${Object.prototype.toString.call(data)}`);
}
