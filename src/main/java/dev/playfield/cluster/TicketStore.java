package dev.playfield.cluster;

import dev.playfield.protocol.internal.StoredTicket;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;

/**
 * Where the active matchmaker keeps a copy of every waiting ticket, so that a matchmaker taking
 * over after its node left resumes the queues with nothing lost. Written only by the active
 * matchmaker; methods never block and may be called from any thread.
 */
public interface TicketStore {

  /** Keeps the ticket (replacing one of the same player). Completes once it is safe to acknowledge. */
  Future<Void> save(StoredTicket ticket);

  /** Forgets the tickets of these players (matched or cancelled). */
  Future<Void> remove(Collection<String> playerIds);

  /** Every ticket kept, in no particular order. */
  Future<List<StoredTicket>> loadAll();
}
