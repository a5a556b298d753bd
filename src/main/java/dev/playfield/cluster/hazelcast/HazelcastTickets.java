package dev.playfield.cluster.hazelcast;

import com.hazelcast.map.IMap;
import dev.playfield.cluster.TicketStore;
import dev.playfield.protocol.internal.StoredTicket;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Collection;
import java.util.List;

/** Waiting tickets in a Hazelcast map by player id, as Protobuf bytes. */
final class HazelcastTickets implements TicketStore {

  private final Vertx vertx;
  private final IMap<String, byte[]> map;

  HazelcastTickets(Vertx vertx, IMap<String, byte[]> map) {
    this.vertx = vertx;
    this.map = map;
  }

  @Override
  public Future<Void> save(StoredTicket ticket) {
    return Future.fromCompletionStage(map.setAsync(ticket.getRequest().getSeat().getPlayerId(), ticket.toByteArray()));
  }

  @Override
  public Future<Void> remove(Collection<String> playerIds) {
    List<String> keys = List.copyOf(playerIds);
    return vertx.executeBlocking(() -> {
      keys.forEach(map::delete);
      return null;
    }, false);
  }

  @Override
  public Future<List<StoredTicket>> loadAll() {
    return ProtoMaps.values(vertx, map, StoredTicket.parser());
  }
}
