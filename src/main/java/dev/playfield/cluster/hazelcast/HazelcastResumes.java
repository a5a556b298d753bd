package dev.playfield.cluster.hazelcast;

import com.hazelcast.map.IMap;
import dev.playfield.cluster.ResumeStore;
import dev.playfield.protocol.internal.ResumeEntry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Resume tokens in a Hazelcast map by token id. Expiry is Hazelcast's TTL (its clock); the retry
 * window is judged by the injected clock against {@code consumed_at_ms}, and a consumed entry's TTL
 * is cut to the window so it does not linger.
 */
final class HazelcastResumes implements ResumeStore {

  private final Vertx vertx;
  private final IMap<String, byte[]> map;
  private final Clock clock;

  HazelcastResumes(Vertx vertx, IMap<String, byte[]> map, Clock clock) {
    this.vertx = vertx;
    this.map = map;
    this.clock = clock;
  }

  @Override
  public Future<Void> put(String tokenId, ResumeEntry entry, long ttlMillis) {
    return Future.fromCompletionStage(map.setAsync(tokenId, entry.toByteArray(), ttlMillis, TimeUnit.MILLISECONDS));
  }

  @Override
  public Future<ResumeEntry> consume(String tokenId) {
    return vertx.executeBlocking(() -> {
      // Compare-and-set on the bytes: of two first consumes racing, one marks the token and the
      // other, retrying, finds it marked and within the window.
      while (true) {
        byte[] bytes = map.get(tokenId);
        if (bytes == null) {
          return null;
        }
        ResumeEntry entry = ResumeEntry.parseFrom(bytes);
        long now = clock.millis();
        if (entry.getConsumedAtMs() != 0) {
          return now - entry.getConsumedAtMs() < RETRY_WINDOW_MS ? entry : null;
        }
        ResumeEntry consumed = entry.toBuilder().setConsumedAtMs(now).build();
        if (map.replace(tokenId, bytes, consumed.toByteArray())) {
          map.setTtl(tokenId, RETRY_WINDOW_MS, TimeUnit.MILLISECONDS);
          return consumed;
        }
      }
    }, false);
  }
}
