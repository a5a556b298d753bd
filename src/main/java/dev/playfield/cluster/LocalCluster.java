package dev.playfield.cluster;

import dev.playfield.protocol.internal.NodeLoad;
import dev.playfield.protocol.internal.ResumeEntry;
import dev.playfield.protocol.internal.StoredTicket;
import dev.playfield.protocol.v1.MatchEnd;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Cluster state of a standalone node: in this process's memory, and this node always leads. */
public final class LocalCluster {

  private LocalCluster() {}

  public static ClusterServices services(String nodeId, int initialRating) {
    return new ClusterServices(nodeId, new LocalRatingStore(initialRating), new Tickets(), new Sessions(),
        new Nodes(), new Leadership() {
          @Override
          public boolean isLeader() {
            return true;
          }

          @Override
          public java.util.Set<String> liveNodes() {
            return java.util.Set.of(nodeId);
          }

          @Override
          public void onChange(Runnable listener) {}
        }, new Rooms(), new Resumes(), new Finished());
  }

  static final class Rooms implements RoomStore {
    private final Map<String, byte[]> records = new ConcurrentHashMap<>();

    @Override
    public synchronized Future<Boolean> replace(String roomId, byte[] expected, byte[] next) {
      byte[] current = records.get(roomId);
      boolean matches = expected == null ? current == null : java.util.Arrays.equals(current, expected);
      if (matches) {
        records.put(roomId, next);
      }
      return Future.succeededFuture(matches);
    }

    @Override
    public Future<byte[]> load(String roomId) {
      return Future.succeededFuture(records.get(roomId));
    }

    @Override
    public synchronized Future<Void> remove(String roomId, byte[] expected) {
      if (java.util.Arrays.equals(records.get(roomId), expected)) {
        records.remove(roomId);
      }
      return Future.succeededFuture();
    }

    @Override
    public Future<Map<String, byte[]>> all() {
      return Future.succeededFuture(Map.copyOf(records));
    }
  }

  static final class Resumes implements ResumeStore {
    private record Entry(ResumeEntry entry, long expiresAtMillis) {}

    /** Puts between two sweeps of expired entries: tokens nobody resumes must not pile up. */
    static final int SWEEP_EVERY_PUTS = 1024;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong puts = new AtomicLong();

    @Override
    public Future<Void> put(String tokenId, ResumeEntry entry, long ttlMillis) {
      long now = System.currentTimeMillis();
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
    public Future<ResumeEntry> consume(String tokenId) {
      Entry entry = entries.remove(tokenId);
      boolean live = entry != null && entry.expiresAtMillis() >= System.currentTimeMillis();
      return Future.succeededFuture(live ? entry.entry() : null);
    }
  }

  static final class Finished implements FinishedMatches {
    private record Entry(MatchEnd end, long expiresAtMillis) {}

    private final Map<String, Entry> ends = new ConcurrentHashMap<>();

    @Override
    public Future<Void> put(MatchEnd end, long ttlMillis) {
      long now = System.currentTimeMillis();
      ends.values().removeIf(e -> e.expiresAtMillis() < now); // few: one per match in the last grace window
      ends.put(end.getRoomId(), new Entry(end, now + ttlMillis));
      return Future.succeededFuture();
    }

    @Override
    public Future<MatchEnd> find(String roomId) {
      Entry entry = ends.get(roomId);
      return Future.succeededFuture(entry == null || entry.expiresAtMillis() < System.currentTimeMillis() ? null : entry.end());
    }
  }

  static final class Tickets implements TicketStore {
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

  static final class Sessions implements SessionDirectory {
    private final Map<String, String> gateways = new ConcurrentHashMap<>();

    @Override
    public Future<String> claim(String playerId, String gateway) {
      return Future.succeededFuture(gateways.put(playerId, gateway));
    }

    @Override
    public Future<Void> release(String playerId, String gateway) {
      gateways.remove(playerId, gateway);
      return Future.succeededFuture();
    }

    @Override
    public Future<String> find(String playerId) {
      return Future.succeededFuture(gateways.get(playerId));
    }
  }

  static final class Nodes implements NodeDirectory {
    private record Entry(NodeLoad load, long expiresAtMillis) {}

    private final Map<String, Entry> nodes = new ConcurrentHashMap<>();

    @Override
    public Future<Void> publish(NodeLoad load, long ttlMillis) {
      nodes.put(load.getNodeId(), new Entry(load, System.currentTimeMillis() + ttlMillis));
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> remove(String nodeId) {
      nodes.remove(nodeId);
      return Future.succeededFuture();
    }

    @Override
    public Future<List<NodeLoad>> all() {
      long now = System.currentTimeMillis();
      nodes.values().removeIf(entry -> entry.expiresAtMillis() < now);
      return Future.succeededFuture(nodes.values().stream().map(Entry::load).toList());
    }
  }
}
