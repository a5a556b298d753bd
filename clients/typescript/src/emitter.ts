/**
 * A small typed event emitter. Listeners run synchronously in the order they were added; a
 * listener that throws does not stop the others (the error is reported to `onListenerError`).
 */
export class Emitter<Events extends { [K in keyof Events]: unknown }> {
  private readonly listeners = new Map<keyof Events, Set<(event: never) => void>>();

  constructor(private readonly onListenerError: (error: unknown) => void = defaultListenerError) {}

  /** Adds a listener; returns a function that removes it again. */
  on<K extends keyof Events>(name: K, listener: (event: Events[K]) => void): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener as (event: never) => void);
    return () => this.off(name, listener);
  }

  /** Adds a listener that is removed after its first call. */
  once<K extends keyof Events>(name: K, listener: (event: Events[K]) => void): () => void {
    const remove = this.on(name, (event) => {
      remove();
      listener(event);
    });
    return remove;
  }

  off<K extends keyof Events>(name: K, listener: (event: Events[K]) => void): void {
    this.listeners.get(name)?.delete(listener as (event: never) => void);
  }

  /** Resolves with the next event of that name (for scripts and tests: `await client.next('matchEnd')`). */
  next<K extends keyof Events>(name: K, timeoutMs = 0): Promise<Events[K]> {
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const remove = this.once(name, (event) => {
        if (timer) clearTimeout(timer);
        resolve(event);
      });
      if (timeoutMs > 0) {
        timer = setTimeout(() => {
          remove();
          reject(new Error(`no '${String(name)}' event within ${timeoutMs} ms`));
        }, timeoutMs);
      }
    });
  }

  emit<K extends keyof Events>(name: K, event: Events[K]): void {
    const set = this.listeners.get(name);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        (listener as (event: Events[K]) => void)(event);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  listenerCount(name: keyof Events): number {
    return this.listeners.get(name)?.size ?? 0;
  }
}

function defaultListenerError(error: unknown): void {
  // A game's listener bug must not break the connection's message loop; make it visible instead.
  console.error('playfield: an event listener threw', error);
}
