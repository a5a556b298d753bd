import type { ClientBody } from './connection.js';
import type { PrivateRoom, ServerMessage } from './gen/playfield/v1/playfield_pb.js';

/** A private room as the server last described it: the answer to a request, or a change pushed to its members. */
export interface PrivateRoomInfo {
  /** Six letters and digits; friends join with it (case does not matter). */
  code: string;
  mode: string;
  /** The player who may start it: its creator, or the next to have joined once the creator left. */
  creator: string;
  /** In the order they joined. */
  members: { playerId: string; name: string }[];
  /** The mode's match size: a room this full starts by itself. */
  capacity: number;
  /** Fewer players than this cannot start it. */
  minPlayers: number;
  /** The match is being placed: `matchFound` follows. */
  started: boolean;
  /** In the room list for anyone to join (else only by its code). */
  listed: boolean;
  label: string;
}

/** A page of a mode's room list, or (with `since`) what changed after an earlier answer. */
export interface RoomListPage {
  rooms: PrivateRoomInfo[];
  /** Open listed rooms of the mode now. */
  total: number;
  /** Pass as `since` to get what changes after this answer. */
  cursor: bigint;
  /** Rooms that left the list (started, filled, emptied) since `since`. */
  removedCodes: string[];
  /** `since` was too old: this is the first page, not the changes. */
  reset: boolean;
}

type Request = (body: ClientBody) => Promise<ServerMessage>;

export function privateRoomOf(room: PrivateRoom): PrivateRoomInfo {
  return {
    code: room.code,
    mode: room.mode,
    creator: room.creatorPlayerId,
    members: room.members.map((m) => ({ playerId: m.playerId, name: m.name })),
    capacity: room.capacity,
    minPlayers: room.minPlayers,
    started: room.started,
    listed: room.listed,
    label: room.label,
  };
}

/** Sends a private-room request and returns the room it answers with. */
export async function privateRoomRequest(request: Request, body: ClientBody): Promise<PrivateRoomInfo> {
  const reply = await request(body);
  if (reply.body.case !== 'privateRoom') throw new Error(`a private-room request was answered with ${reply.body.case}`);
  return privateRoomOf(reply.body.value);
}

/** The listed open rooms of `mode` (`limit` 1 to 100, 0: 20), or the changes after `since`. */
export async function listRooms(request: Request, mode: string, offset: number, limit: number, since: bigint): Promise<RoomListPage> {
  const reply = await request({ case: 'listRooms', value: { mode, offset, limit, since } });
  if (reply.body.case !== 'roomList') throw new Error(`a room list was answered with ${reply.body.case}`);
  const list = reply.body.value;
  return { rooms: list.rooms.map(privateRoomOf), total: list.total, cursor: list.cursor, removedCodes: list.removedCodes, reset: list.reset };
}
