import type { ClientBody } from './connection.js';
import type { LeaderboardEntry, ServerMessage } from './gen/playfield/v1/playfield_pb.js';

/** One finished match, from this player's side. */
export interface PlayedMatchInfo {
  roomId: string;
  mode: string;
  /** When it ended, in ms since the epoch. */
  endedAt: number;
  /** Players in the match, this one included. */
  players: number;
  rank: number;
  score: number;
  ratingBefore: number;
  ratingAfter: number;
  left: boolean;
}

export interface LeaderboardRow {
  rank: number;
  playerId: string;
  name: string;
  rating: number;
  matches: number;
  /** Matches ranked first without leaving. */
  wins: number;
}

/** A page of a mode's leaderboard: best rating first, equal ratings share a rank (1, 2, 2, 4). */
export interface LeaderboardPage {
  mode: string;
  /** Players with a rating in the mode. */
  total: number;
  offset: number;
  rows: LeaderboardRow[];
  /** This player's line; undefined when they have not played the mode. */
  you: LeaderboardRow | undefined;
}

type Request = (body: ClientBody) => Promise<ServerMessage>;

/** The player's last finished matches, the latest first; `limit` 1 to 50, 0 for the server's 10. */
export async function recentMatches(request: Request, limit: number): Promise<PlayedMatchInfo[]> {
  const reply = await request({ case: 'getRecentMatches', value: { limit } });
  if (reply.body.case !== 'recentMatches') return [];
  return reply.body.value.matches.map((m) => ({
    roomId: m.roomId,
    mode: m.mode,
    endedAt: Number(m.endedAtMs),
    players: m.players,
    rank: m.rank,
    score: Number(m.score),
    ratingBefore: m.ratingBefore,
    ratingAfter: m.ratingAfter,
    left: m.left,
  }));
}

/** A page of `mode`'s leaderboard (`limit` 1 to 100, 0 for the server's 20). */
export async function leaderboard(request: Request, mode: string, offset: number, limit: number): Promise<LeaderboardPage> {
  const reply = await request({ case: 'getLeaderboard', value: { mode, offset, limit } });
  if (reply.body.case !== 'leaderboard') return { mode, total: 0, offset, rows: [], you: undefined };
  const page = reply.body.value;
  return { mode: page.mode, total: page.total, offset: page.offset, rows: page.entries.map(rowOf), you: page.you ? rowOf(page.you) : undefined };
}

function rowOf(entry: LeaderboardEntry): LeaderboardRow {
  return { rank: entry.rank, playerId: entry.playerId, name: entry.name, rating: entry.rating, matches: entry.matches, wins: entry.wins };
}
