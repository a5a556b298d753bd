package dev.playfield.cluster.local;

import dev.playfield.cluster.ResumeStore;
import dev.playfield.protocol.internal.ResumeEntry;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/** Resume tokens in this process's memory, expiring by the injected clock. */
final class LocalResumes implements ResumeStore {

  /** Puts between two sweeps of expired entries: tokens nobody resumes must not pile up. */
  static final int SWEEP_EVERY_PUTS = 1024;

  private final ExpiringEntries<ResumeEntry> entries;
  private final AtomicLong puts = new AtomicLong();

  LocalResumes(Clock clock) {
    this.entries = new ExpiringEntries<>(clock);
  }

  @Override
  public Future<Void> put(String tokenId, ResumeEntry entry, long ttlMillis) {
    long now = entries.now();
    entries.put(tokenId, entry, now + ttlMillis);
    if (puts.incrementAndGet() % SWEEP_EVERY_PUTS == 0) {
      entries.removeExpired(now);
    }
    return Future.succeededFuture();
  }

  int size() {
    return entries.size();
  }

  @Override
  public synchronized Future<ResumeEntry> consume(String tokenId) {
    long now = entries.now();
    ExpiringEntries.Entry<ResumeEntry> found = entries.find(tokenId, now);
    if (found == null) {
      return Future.succeededFuture(null);
    }
    ResumeEntry entry = found.value();
    if (entry.getConsumedAtMs() == 0) {
      ResumeEntry consumed = entry.toBuilder().setConsumedAtMs(now).build();
      // Kept for the retry window only: after it the token is refused as used.
      entries.put(tokenId, consumed, Math.min(found.expiresAtMillis(), now + RETRY_WINDOW_MS));
      return Future.succeededFuture(consumed);
    }
    return Future.succeededFuture(now - entry.getConsumedAtMs() < RETRY_WINDOW_MS ? entry : null);
  }
}
