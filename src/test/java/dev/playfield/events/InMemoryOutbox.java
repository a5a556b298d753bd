package dev.playfield.events;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An outbox in memory that tests write events into as the store would, with the store's payload
 * shapes. Thread-safe: tests write from their own thread while the publisher reads on its loop.
 */
final class InMemoryOutbox implements Outbox {

  private final TreeMap<Long, OutboxEvent> unpublished = new TreeMap<>();
  private final Set<Long> invisible = new HashSet<>();
  private final List<OutboxEvent> written = new ArrayList<>();
  private long nextSeq = 1;
  private boolean staleReadAfterMark;
  private List<OutboxEvent> lastMarked = List.of();

  /** A match.ended event of a new room, as the store writes it with the match's result. */
  synchronized OutboxEvent matchEnded() {
    return append("match.ended", "room-" + UUID.randomUUID());
  }

  synchronized OutboxEvent append(String type, String roomId) {
    String id = UUID.randomUUID().toString();
    JsonObject payload = new JsonObject().put("id", id).put("type", type)
        .put("occurredAt", Instant.now().toString());
    if (roomId != null) {
      payload.put("roomId", roomId).put("mode", "arena")
          .put("players", new JsonArray().add(new JsonObject().put("playerId", "p1").put("name", "ann")));
    }
    OutboxEvent event = new OutboxEvent(nextSeq++, id, type, roomId, payload.encode());
    unpublished.put(event.seq(), event);
    written.add(event);
    return event;
  }

  /**
   * Writes an event whose transaction has taken its seq but not committed yet: {@link #pending}
   * does not see it until {@link #commit}, while later events are seen.
   */
  synchronized OutboxEvent appendUncommitted(String type, String roomId) {
    OutboxEvent event = append(type, roomId);
    invisible.add(event.seq());
    return event;
  }

  synchronized void commit(OutboxEvent event) {
    invisible.remove(event.seq());
  }

  /** Every event written, in seq order. */
  synchronized List<OutboxEvent> written() {
    return List.copyOf(written);
  }

  /**
   * From now on the first read after each mark still returns the rows just marked, as a read on
   * another connection that does not see the mark yet would.
   */
  synchronized void readStaleOnceAfterEachMark() {
    staleReadAfterMark = true;
  }

  @Override
  public synchronized Future<List<OutboxEvent>> pending(int max) {
    if (!lastMarked.isEmpty()) {
      List<OutboxEvent> stale = lastMarked;
      lastMarked = List.of();
      return Future.succeededFuture(stale);
    }
    List<OutboxEvent> batch = new ArrayList<>();
    for (OutboxEvent event : unpublished.values()) {
      if (batch.size() == max) {
        break;
      }
      if (!invisible.contains(event.seq())) {
        batch.add(event);
      }
    }
    return Future.succeededFuture(batch);
  }

  @Override
  public synchronized Future<Void> markPublished(List<Long> seqs) {
    List<OutboxEvent> marked = new ArrayList<>();
    seqs.forEach(seq -> {
      OutboxEvent event = unpublished.remove(seq);
      if (event != null) {
        marked.add(event);
      }
    });
    if (staleReadAfterMark) {
      lastMarked = marked;
    }
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Long> depth() {
    return Future.succeededFuture((long) unpublished.size());
  }
}
