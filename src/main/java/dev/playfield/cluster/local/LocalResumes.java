package dev.playfield.cluster.local;

import dev.playfield.cluster.ResumeStore;
import dev.playfield.protocol.internal.ResumeEntry;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Resume tokens in this process's memory, expiring by the injected clock. */
final class LocalResumes implements ResumeStore {

  private record Entry(ResumeEntry entry, long expiresAtMillis) {}

  /** Puts between two sweeps of expired entries: tokens nobody resumes must not pile up. */
  static final int SWEEP_EVERY_PUTS = 1024;

  private final Clock clock;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong puts = new AtomicLong();

  LocalResumes(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<Void> put(String tokenId, ResumeEntry entry, long ttlMillis) {
    long now = clock.millis();
    entries.put(tokenId, new Entry(entry, now + ttlMillis));
    if (puts.incrementAndGet() % SWEEP_EVERY_PUTS == 0) {
      entries.values().removeIf(e -> e.expiresAtMillis() < now);
    }
    return Future.succeededFuture();
  }

  int size() {
    return entries.size();
  }

  @Override
  public synchronized Future<ResumeEntry> consume(String tokenId) {
    long now = clock.millis();
    Entry found = entries.get(tokenId);
    if (found == null || found.expiresAtMillis() < now) {
      entries.remove(tokenId);
      return Future.succeededFuture(null);
    }
    ResumeEntry entry = found.entry();
    if (entry.getConsumedAtMs() == 0) {
      ResumeEntry consumed = entry.toBuilder().setConsumedAtMs(now).build();
      // Kept for the retry window only: after it the token is refused as used.
      entries.put(tokenId, new Entry(consumed, Math.min(found.expiresAtMillis(), now + RETRY_WINDOW_MS)));
      return Future.succeededFuture(consumed);
    }
    return Future.succeededFuture(now - entry.getConsumedAtMs() < RETRY_WINDOW_MS ? entry : null);
  }
}
