import { fromBinary, fromJson, fromJsonString, toBinary, toJson, toJsonString, type JsonValue, type Registry } from '@bufbuild/protobuf';
import type { JsonGameTypes } from './game-types.js';
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
 * grows. With `jsonGame` (a game without generated code) the encoding must be `json`: the
 * game's state and input are passed through as the JSON objects they are on the wire.
 */
export function codecFor(encoding: Encoding, registry: Registry, jsonGame?: JsonGameTypes): WireCodec {
  if (jsonGame) {
    if (encoding !== 'json') throw new RangeError("a game given by its message names (jsonGame) needs encoding 'json'");
    return jsonPassThroughCodec(registry, jsonGame);
  }
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

/**
 * JSON for a game known by name only: `State.game` is taken out of the frame before the
 * protocol's message is read (the registry cannot read it) and kept as its JSON; `Input.game`
 * is written back under its `@type`.
 */
function jsonPassThroughCodec(registry: Registry, game: JsonGameTypes): WireCodec {
  return {
    encoding: 'json',
    subprotocol: 'playfield.v1.json',
    encode(message) {
      const body = message.body;
      if (body.case !== 'input' || !body.value.game || body.value.game.typeUrl !== game.inputUrl) {
        return toJsonString(ClientMessageSchema, message, { registry });
      }
      const without = { ...message, body: { case: body.case, value: { ...body.value, game: undefined } } };
      const json = toJson(ClientMessageSchema, without, { registry }) as { input: Record<string, unknown> };
      json.input.game = { '@type': game.inputUrl, ...game.jsonOf(body.value.game) };
      return JSON.stringify(json);
    },
    decode(data) {
      if (typeof data !== 'string') return fromBinary(ServerMessageSchema, bytesOf(data));
      const json = JSON.parse(data) as { state?: { game?: Record<string, unknown> } };
      const state = json.state?.game;
      const typeName = game.typeOf(state);
      if (typeName && json.state) delete json.state.game;
      const message = fromJson(ServerMessageSchema, json as JsonValue, { registry, ignoreUnknownFields: true });
      if (typeName && state && message.body.case === 'state') {
        const { '@type': _url, ...fields } = state;
        message.body.value.game = game.packJson(typeName, fields);
      }
      return message;
    },
  };
}
