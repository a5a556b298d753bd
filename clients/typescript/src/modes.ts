/** One game mode a node plays, as `GET /api/modes` lists it. */
export interface ModeInfo {
  /** The queue name, for {@link PlayfieldClient.joinQueue}. */
  name: string;
  /** The game the mode plays. */
  game: string;
  matchSize: number;
  minPlayers: number;
  tickRate: number;
  /** `EVERY_TICK`, or `ON_CHANGE` for games that send a state only when it changed. */
  stateStream: string;
  /** The path of the game's own browser page on the node, when it has one (`/games/<game>/`). */
  page?: string;
}

/** The HTTP base (`http://host:port`) of a WebSocket URL such as `ws://host:port/ws`. */
export function httpBaseOf(wsUrl: string): string {
  const url = new URL(wsUrl);
  url.protocol = url.protocol === 'wss:' ? 'https:' : url.protocol === 'ws:' ? 'http:' : url.protocol;
  return url.origin;
}

/**
 * The modes the node at `wsUrl` plays, from `GET /api/modes`; undefined when the node is older
 * than that endpoint (404). Other failures reject.
 */
export async function listModes(wsUrl: string, fetchImpl: typeof fetch = fetch): Promise<ModeInfo[] | undefined> {
  const response = await fetchImpl(httpBaseOf(wsUrl) + '/api/modes', { headers: { Accept: 'application/json' } });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`GET /api/modes answered ${response.status}`);
  const body = (await response.json()) as { modes?: unknown };
  if (!Array.isArray(body.modes)) throw new Error('GET /api/modes: no "modes" list in the answer');
  return body.modes.map(modeOf);
}

function modeOf(entry: unknown): ModeInfo {
  const raw = (entry ?? {}) as Record<string, unknown>;
  const mode: ModeInfo = {
    name: String(raw.name ?? ''),
    game: String(raw.game ?? ''),
    matchSize: Number(raw.matchSize ?? 0),
    minPlayers: Number(raw.minPlayers ?? 0),
    tickRate: Number(raw.tickRate ?? 0),
    stateStream: String(raw.stateStream ?? 'EVERY_TICK'),
  };
  if (typeof raw.page === 'string' && raw.page) mode.page = raw.page;
  return mode;
}
