package dev.playfield.cluster.hazelcast;

import com.google.protobuf.InvalidProtocolBufferException;
import com.hazelcast.map.IMap;
import dev.playfield.cluster.FinishedMatches;
import dev.playfield.protocol.v1.MatchEnd;
import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;

/** Ends of recent matches in a Hazelcast map by room id; Hazelcast's TTL forgets them. */
final class HazelcastFinished implements FinishedMatches {

  private final IMap<String, byte[]> map;

  HazelcastFinished(IMap<String, byte[]> map) {
    this.map = map;
  }

  @Override
  public Future<Void> put(MatchEnd end, long ttlMillis) {
    return Future.fromCompletionStage(map.setAsync(end.getRoomId(), end.toByteArray(), ttlMillis, TimeUnit.MILLISECONDS));
  }

  @Override
  public Future<MatchEnd> find(String roomId) {
    return Future.fromCompletionStage(map.getAsync(roomId)).compose(bytes -> {
      try {
        return Future.succeededFuture(bytes == null ? null : MatchEnd.parseFrom(bytes));
      } catch (InvalidProtocolBufferException e) {
        return Future.failedFuture(e);
      }
    });
  }
}
