package dev.playfield.cluster.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.HazelcastInstance;
import dev.playfield.cluster.ClusterServices;
import dev.playfield.config.PlayfieldConfig.ClusterConfig;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Cluster state kept in Hazelcast: maps with a backup on another member, and leadership by member
 * age. Values are Protobuf bytes or plain strings and integers, never Java-serialized objects.
 * Blocking Hazelcast calls run on Vert.x worker threads.
 */
public final class HazelcastCluster {

  static final String TICKETS = "playfield.tickets";
  static final String PRIVATE_ROOMS = "playfield.private-rooms";
  static final String SESSIONS = "playfield.sessions";
  static final String NODES = "playfield.nodes";
  static final String ROOMS = "playfield.rooms";
  static final String RESUMES = "playfield.resumes";
  static final String FINISHED = "playfield.finished";
  static final String RESIGNED = "playfield.resigned";

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

  /** Blocks briefly (leadership reads who resigned): call it where blocking is allowed. */
  public static ClusterServices services(Vertx vertx, HazelcastInstance hazelcast, String nodeId) {
    return services(vertx, hazelcast, nodeId, Clock.systemUTC());
  }

  /** With the clock that judges a resume token's retry window (tests step it). */
  public static ClusterServices services(Vertx vertx, HazelcastInstance hazelcast, String nodeId, Clock clock) {
    return new ClusterServices(nodeId,
        new HazelcastTickets(vertx, hazelcast.getMap(TICKETS)),
        new HazelcastSessions(vertx, hazelcast.getMap(SESSIONS)),
        new HazelcastNodes(vertx, hazelcast.getMap(NODES)),
        new OldestMemberLeads(hazelcast, hazelcast.getMap(RESIGNED)),
        new HazelcastRooms(vertx, hazelcast.getMap(ROOMS)),
        new HazelcastResumes(vertx, hazelcast.getMap(RESUMES), clock),
        new HazelcastFinished(hazelcast.getMap(FINISHED)),
        new HazelcastPrivateRooms(vertx, hazelcast.getMap(PRIVATE_ROOMS)));
  }
}
