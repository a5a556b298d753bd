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
