import type { Identity, MatchEndEvent, MatchInfo, MatchPhase, Seat } from './events.js';
import { RoomPhase, type LoginOk, type MatchEnd, type MatchFound } from './gen/playfield/v1/playfield_pb.js';

/** Protocol messages as the SDK's plain event objects (numbers, not bigints; names, not enums). */

export function identityOf(login: LoginOk): Identity {
  return { playerId: login.playerId, name: login.name, rating: login.rating, token: login.token };
}

export function matchOf(found: MatchFound, resumed: boolean): MatchInfo {
  const players: Seat[] = found.players.map((p) => ({ playerId: p.playerId, name: p.name, rating: p.rating, slot: p.slot }));
  return {
    roomId: found.roomId,
    mode: found.mode,
    tickRate: found.tickRate || 20,
    you: found.yourPlayerId,
    yourSlot: players.find((p) => p.playerId === found.yourPlayerId)?.slot,
    players,
    resumed,
  };
}

export function phaseOf(phase: RoomPhase): MatchPhase {
  switch (phase) {
    case RoomPhase.WAITING:
      return 'waiting';
    case RoomPhase.RUNNING:
      return 'running';
    case RoomPhase.FINISHED:
      return 'finished';
    default:
      return 'unspecified';
  }
}

export function matchEndOf(end: MatchEnd, you: string | undefined): MatchEndEvent {
  const standings = end.standings.map((s) => ({
    playerId: s.playerId,
    name: s.name,
    rank: s.rank,
    score: Number(s.score),
    ratingBefore: s.ratingBefore,
    ratingAfter: s.ratingAfter,
    left: s.left,
  }));
  return { roomId: end.roomId, tick: Number(end.tick), standings, you: standings.find((s) => s.playerId === you) };
}
