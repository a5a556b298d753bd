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
  };
}

/** Sends a private-room request and returns the room it answers with. */
export async function privateRoomRequest(request: Request, body: ClientBody): Promise<PrivateRoomInfo> {
  const reply = await request(body);
  if (reply.body.case !== 'privateRoom') throw new Error(`a private-room request was answered with ${reply.body.case}`);
  return privateRoomOf(reply.body.value);
}
