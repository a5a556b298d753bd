package dev.playfield.cluster.local;

import dev.playfield.cluster.TicketStore;
import dev.playfield.protocol.internal.StoredTicket;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Waiting tickets in this process's memory. */
final class LocalTickets implements TicketStore {

  private final Map<String, StoredTicket> tickets = new ConcurrentHashMap<>();

  @Override
  public Future<Void> save(StoredTicket ticket) {
    tickets.put(ticket.getRequest().getSeat().getPlayerId(), ticket);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> remove(Collection<String> playerIds) {
    playerIds.forEach(tickets::remove);
    return Future.succeededFuture();
  }

  @Override
  public Future<List<StoredTicket>> loadAll() {
    return Future.succeededFuture(new ArrayList<>(tickets.values()));
  }
}
