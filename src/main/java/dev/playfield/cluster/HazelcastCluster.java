package dev.playfield.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.playfield.config.PlayfieldConfig.ClusterConfig;
import dev.playfield.protocol.internal.NodeLoad;
import dev.playfield.protocol.internal.StoredTicket;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Cluster state kept in Hazelcast: maps with a backup on another member, and leadership by member
 * age. Values are Protobuf bytes or plain strings and integers, never Java-serialized objects.
 * Blocking Hazelcast calls run on Vert.x worker threads.
 */
public final class HazelcastCluster {

  static final String TICKETS = "playfield.tickets";
  static final String SESSIONS = "playfield.sessions";
  static final String NODES = "playfield.nodes";
  static final String RATINGS = "playfield.ratings";
  static final String ROOMS = "playfield.rooms";
  static final String RESUMES = "playfield.resumes";
  static final String FINISHED = "playfield.finished";

  private HazelcastCluster() {}

  /** The Hazelcast configuration: the YAML file (or the built-in copy), then this node's settings. */
  public static Config config(ClusterConfig settings) {
    Config config = load(settings.configFile());
    config.setClusterName(settings.name());
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(settings.port()).setPortAutoIncrement(false);
    if (!settings.host().isEmpty() && !settings.host().equals("0.0.0.0")) {
      network.getInterfaces().setEnabled(true).addInterface(settings.host());
      config.setProperty("hazelcast.local.localAddress", settings.host());
    }
    if (!settings.publicHost().isEmpty()) {
      network.setPublicAddress(settings.publicHost() + ":" + settings.port());
    }
    if (network.getJoin().getTcpIpConfig().isEnabled()) {
      network.getJoin().getTcpIpConfig().setMembers(settings.members());
    }
    return config;
  }

  private static Config load(String file) {
    try {
      if (!file.isEmpty() && Files.exists(Path.of(file))) {
        return Config.loadFromFile(Path.of(file).toFile());
      }
      try (InputStream builtIn = HazelcastCluster.class.getClassLoader().getResourceAsStream("defaults/hazelcast.yaml")) {
        if (builtIn == null) {
          throw new IllegalStateException("the built-in Hazelcast configuration is missing from the jar");
        }
        return Config.loadFromStream(builtIn);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cluster-config: cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  public static ClusterServices services(Vertx vertx, HazelcastInstance hazelcast, String nodeId, int initialRating) {
    return new ClusterServices(nodeId,
        new Ratings(vertx, hazelcast.getMap(RATINGS), initialRating),
        new Tickets(vertx, hazelcast.getMap(TICKETS)),
        new Sessions(vertx, hazelcast.getMap(SESSIONS)),
        new Nodes(vertx, hazelcast.getMap(NODES)),
        new OldestMemberLeads(hazelcast),
        new Rooms(vertx, hazelcast.getMap(ROOMS)),
        new Resumes(vertx, hazelcast.getMap(RESUMES)),
        new Finished(hazelcast.getMap(FINISHED)));
  }

  static final class Tickets implements TicketStore {
    private final Vertx vertx;
    private final IMap<String, byte[]> map;

    Tickets(Vertx vertx, IMap<String, byte[]> map) {
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
      return vertx.executeBlocking(() -> {
        List<StoredTicket> tickets = new ArrayList<>();
        for (byte[] bytes : map.values()) {
          tickets.add(StoredTicket.parseFrom(bytes));
        }
        return tickets;
      }, false);
    }
  }

  static final class Sessions implements SessionDirectory {
    private final Vertx vertx;
    private final IMap<String, String> map;

    Sessions(Vertx vertx, IMap<String, String> map) {
      this.vertx = vertx;
      this.map = map;
    }

    @Override
    public Future<String> claim(String playerId, String gateway) {
      return Future.fromCompletionStage(map.putAsync(playerId, gateway));
    }

    @Override
    public Future<Void> release(String playerId, String gateway) {
      return vertx.executeBlocking(() -> {
        map.remove(playerId, gateway);
        return null;
      }, false);
    }

    @Override
    public Future<String> find(String playerId) {
      return Future.fromCompletionStage(map.getAsync(playerId));
    }
  }

  static final class Nodes implements NodeDirectory {
    private final Vertx vertx;
    private final IMap<String, byte[]> map;

    Nodes(Vertx vertx, IMap<String, byte[]> map) {
      this.vertx = vertx;
      this.map = map;
    }

    @Override
    public Future<Void> publish(NodeLoad load, long ttlMillis) {
      return Future.fromCompletionStage(
          map.setAsync(load.getNodeId(), load.toByteArray(), ttlMillis, TimeUnit.MILLISECONDS));
    }

    @Override
    public Future<Void> remove(String nodeId) {
      return Future.fromCompletionStage(map.removeAsync(nodeId)).mapEmpty();
    }

    @Override
    public Future<List<NodeLoad>> all() {
      return vertx.executeBlocking(() -> {
        List<NodeLoad> loads = new ArrayList<>();
        for (byte[] bytes : map.values()) {
          loads.add(NodeLoad.parseFrom(bytes));
        }
        return loads;
      }, false);
    }
  }

  static final class Ratings implements RatingStore {
    private final Vertx vertx;
    private final IMap<String, Integer> map;
    private final int initialRating;

    Ratings(Vertx vertx, IMap<String, Integer> map, int initialRating) {
      this.vertx = vertx;
      this.map = map;
      this.initialRating = initialRating;
    }

    @Override
    public Future<Integer> rating(String playerId) {
      return Future.fromCompletionStage(map.getAsync(playerId)).map(r -> r == null ? initialRating : r);
    }

    @Override
    public Future<java.util.Map<String, Integer>> add(java.util.Map<String, Integer> deltas) {
      return vertx.executeBlocking(() -> {
        java.util.Map<String, Integer> after = new java.util.HashMap<>();
        deltas.forEach((player, delta) -> after.put(player, addAtomically(player, delta)));
        return after;
      }, false);
    }

    // Compare-and-set until no other writer got in between: two matches ending at once both count.
    private int addAtomically(String player, int delta) {
      while (true) {
        Integer current = map.putIfAbsent(player, Math.max(0, initialRating + delta));
        if (current == null) {
          return Math.max(0, initialRating + delta);
        }
        int next = Math.max(0, current + delta);
        if (map.replace(player, current, next)) {
          return next;
        }
      }
    }
  }

  static final class Rooms implements RoomStore {
    private final Vertx vertx;
    private final IMap<String, byte[]> map;

    Rooms(Vertx vertx, IMap<String, byte[]> map) {
      this.vertx = vertx;
      this.map = map;
    }

    @Override
    public Future<Boolean> replace(String roomId, byte[] expected, byte[] next) {
      return vertx.executeBlocking(() -> expected == null
          ? map.putIfAbsent(roomId, next) == null
          : map.replace(roomId, expected, next), false);
    }

    @Override
    public Future<byte[]> load(String roomId) {
      return Future.fromCompletionStage(map.getAsync(roomId));
    }

    @Override
    public Future<Void> remove(String roomId, byte[] expected) {
      return vertx.executeBlocking(() -> {
        map.remove(roomId, expected);
        return null;
      }, false);
    }

    @Override
    public Future<java.util.Map<String, byte[]>> all() {
      return vertx.executeBlocking(() -> java.util.Map.copyOf(map), false);
    }
  }

  static final class Resumes implements ResumeStore {
    private final Vertx vertx;
    private final IMap<String, byte[]> map;

    Resumes(Vertx vertx, IMap<String, byte[]> map) {
      this.vertx = vertx;
      this.map = map;
    }

    @Override
    public Future<Void> put(String tokenId, dev.playfield.protocol.internal.ResumeEntry entry, long ttlMillis) {
      return Future.fromCompletionStage(map.setAsync(tokenId, entry.toByteArray(), ttlMillis, TimeUnit.MILLISECONDS));
    }

    @Override
    public Future<dev.playfield.protocol.internal.ResumeEntry> consume(String tokenId) {
      return Future.fromCompletionStage(map.removeAsync(tokenId)).compose(bytes -> {
        try {
          return Future.succeededFuture(bytes == null ? null : dev.playfield.protocol.internal.ResumeEntry.parseFrom(bytes));
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
          return Future.failedFuture(e);
        }
      });
    }
  }

  static final class Finished implements FinishedMatches {
    private final IMap<String, byte[]> map;

    Finished(IMap<String, byte[]> map) {
      this.map = map;
    }

    @Override
    public Future<Void> put(dev.playfield.protocol.v1.MatchEnd end, long ttlMillis) {
      return Future.fromCompletionStage(map.setAsync(end.getRoomId(), end.toByteArray(), ttlMillis, TimeUnit.MILLISECONDS));
    }

    @Override
    public Future<dev.playfield.protocol.v1.MatchEnd> find(String roomId) {
      return Future.fromCompletionStage(map.getAsync(roomId)).compose(bytes -> {
        try {
          return Future.succeededFuture(bytes == null ? null : dev.playfield.protocol.v1.MatchEnd.parseFrom(bytes));
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
          return Future.failedFuture(e);
        }
      });
    }
  }

  /** The oldest member of the cluster leads; Hazelcast lists members oldest first. */
  static final class OldestMemberLeads implements dev.playfield.cluster.Leadership, MembershipListener {
    private final HazelcastInstance hazelcast;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    OldestMemberLeads(HazelcastInstance hazelcast) {
      this.hazelcast = hazelcast;
      hazelcast.getCluster().addMembershipListener(this);
    }

    @Override
    public boolean isLeader() {
      Iterator<Member> members = hazelcast.getCluster().getMembers().iterator();
      return members.hasNext() && members.next().localMember();
    }

    @Override
    public java.util.Set<String> liveNodes() {
      java.util.Set<String> ids = new java.util.HashSet<>();
      for (Member member : hazelcast.getCluster().getMembers()) {
        String id = member.getAttribute(ClusterJoin.VERTX_NODE_ID);
        if (id != null) {
          ids.add(id);
        }
      }
      return ids;
    }

    @Override
    public void onChange(Runnable listener) {
      listeners.add(listener);
    }

    @Override
    public void memberAdded(MembershipEvent event) {
      listeners.forEach(Runnable::run);
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
      listeners.forEach(Runnable::run);
    }
  }
}
