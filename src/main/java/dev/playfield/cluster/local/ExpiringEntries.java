package dev.playfield.cluster.local;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a local store keeps in memory: values by key, each until a moment of the injected clock.
 * An expired value is never returned; it takes memory until {@link #removeExpired} (each store
 * says when it sweeps) or until it is read. Thread-safe.
 */
final class ExpiringEntries<V> {

  /** A value and the clock's millisecond from which it is gone. */
  record Entry<V>(V value, long expiresAtMillis) {}

  private final Clock clock;
  private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();

  ExpiringEntries(Clock clock) {
    this.clock = clock;
  }

  long now() {
    return clock.millis();
  }

  void put(String key, V value, long expiresAtMillis) {
    entries.put(key, new Entry<>(value, expiresAtMillis));
  }

  /** The key's entry if it has not expired at {@code now}; an expired one is dropped. */
  Entry<V> find(String key, long now) {
    Entry<V> entry = entries.get(key);
    if (entry != null && entry.expiresAtMillis() < now) {
      entries.remove(key, entry);
      return null;
    }
    return entry;
  }

  /** The key's value if it has not expired, else null. */
  V get(String key) {
    Entry<V> entry = find(key, now());
    return entry == null ? null : entry.value();
  }

  void remove(String key) {
    entries.remove(key);
  }

  void removeExpired(long now) {
    entries.values().removeIf(e -> e.expiresAtMillis() < now);
  }

  /** The values that have not expired. */
  List<V> values() {
    long now = now();
    return entries.values().stream().filter(e -> e.expiresAtMillis() >= now).map(Entry::value).toList();
  }

  int size() {
    return entries.size();
  }
}
