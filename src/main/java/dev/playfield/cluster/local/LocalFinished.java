package dev.playfield.cluster.local;

import dev.playfield.cluster.FinishedMatches;
import dev.playfield.protocol.v1.MatchEnd;
import io.vertx.core.Future;
import java.time.Clock;

/** Ends of recent matches in this process's memory, expiring by the injected clock. */
final class LocalFinished implements FinishedMatches {

  private final ExpiringEntries<MatchEnd> ends;

  LocalFinished(Clock clock) {
    this.ends = new ExpiringEntries<>(clock);
  }

  @Override
  public Future<Void> put(MatchEnd end, long ttlMillis) {
    long now = ends.now();
    ends.removeExpired(now); // few: one per match in the last grace window
    ends.put(end.getRoomId(), end, now + ttlMillis);
    return Future.succeededFuture();
  }

  @Override
  public Future<MatchEnd> find(String roomId) {
    return Future.succeededFuture(ends.get(roomId));
  }
}
