/** Where the client keeps a token between sessions: a Map, `localStorage`, a file, a keychain. */
export interface KeyValueStore {
  get(key: string): string | null | undefined;
  set(key: string, value: string): void;
  remove(key: string): void;
}

/** A store that lives as long as the object (the default: nothing outlives the process or page). */
export function memoryStore(): KeyValueStore {
  const values = new Map<string, string>();
  return {
    get: (key) => values.get(key),
    set: (key, value) => void values.set(key, value),
    remove: (key) => void values.delete(key),
  };
}

/** The part of the Web Storage API that {@link webStore} uses (`localStorage`, `sessionStorage`). */
export interface WebStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * A browser's `localStorage` or `sessionStorage` as a store. Storage can throw (private mode,
 * storage turned off, quota); the game then works as if nothing were stored.
 */
export function webStore(storage: WebStorageLike | undefined): KeyValueStore {
  return {
    get: (key) => {
      try {
        return storage?.getItem(key);
      } catch {
        return null;
      }
    },
    set: (key, value) => {
      try {
        storage?.setItem(key, value);
      } catch {
        // see above: the game works without it
      }
    },
    remove: (key) => {
      try {
        storage?.removeItem(key);
      } catch {
        // see above
      }
    },
  };
}

/**
 * The two tokens a client keeps: the session token (who the player is; `identity`, long-lived) and
 * the one-time resume token (the session to take back; `session`, as long as a tab or process).
 */
export class SavedTokens {
  static readonly TOKEN_KEY = 'playfield.token';
  static readonly RESUME_KEY = 'playfield.resumeToken';

  constructor(
    private readonly identity: KeyValueStore,
    private readonly session: KeyValueStore,
  ) {}

  get token(): string | undefined {
    return this.identity.get(SavedTokens.TOKEN_KEY) ?? undefined;
  }

  get resumeToken(): string | undefined {
    return this.session.get(SavedTokens.RESUME_KEY) ?? undefined;
  }

  /** Keeps what a `loginOk` (or the login in a `resumed`) carries. */
  save(token: string, resumeToken: string): void {
    if (token) this.identity.set(SavedTokens.TOKEN_KEY, token);
    if (resumeToken) this.session.set(SavedTokens.RESUME_KEY, resumeToken);
  }

  dropToken(): void {
    this.identity.remove(SavedTokens.TOKEN_KEY);
  }

  dropResumeToken(): void {
    this.session.remove(SavedTokens.RESUME_KEY);
  }
}
