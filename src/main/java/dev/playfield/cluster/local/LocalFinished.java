package dev.playfield.cluster.local;

import dev.playfield.cluster.FinishedMatches;
import dev.playfield.protocol.v1.MatchEnd;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Ends of recent matches in this process's memory, expiring by the injected clock. */
final class LocalFinished implements FinishedMatches {

  private record Entry(MatchEnd end, long expiresAtMillis) {}

  private final Clock clock;
  private final Map<String, Entry> ends = new ConcurrentHashMap<>();

  LocalFinished(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<Void> put(MatchEnd end, long ttlMillis) {
    long now = clock.millis();
    ends.values().removeIf(e -> e.expiresAtMillis() < now); // few: one per match in the last grace window
    ends.put(end.getRoomId(), new Entry(end, now + ttlMillis));
    return Future.succeededFuture();
  }

  @Override
  public Future<MatchEnd> find(String roomId) {
    Entry entry = ends.get(roomId);
    return Future.succeededFuture(entry == null || entry.expiresAtMillis() < clock.millis() ? null : entry.end());
  }
}
