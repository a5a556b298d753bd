package dev.playfield.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Clustered nodes as separate JVMs on 127.0.0.1, configured by environment variables only, with
 * quick two-player matches. Started one after the other (the first is the oldest member).
 */
public final class ProcessCluster implements AutoCloseable {

  private final List<ServerProcess> servers = new ArrayList<>();
  private final int[] httpPorts;

  /** Starts {@code size} nodes; {@code settings} adds or overrides environment variables. */
  public ProcessCluster(int size, Map<String, String> settings) {
    int[] clusterPorts = new int[size];
    httpPorts = new int[size];
    for (int i = 0; i < size; i++) {
      clusterPorts[i] = TestCluster.freePort();
      httpPorts[i] = TestCluster.freePort();
    }
    String members = Arrays.stream(clusterPorts).mapToObj(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    String clusterName = "processes-" + UUID.randomUUID();
    for (int i = 0; i < size; i++) {
      Map<String, String> env = new HashMap<>();
      env.put("PLAYFIELD_CLUSTER", "true");
      env.put("PLAYFIELD_CLUSTER_NAME", clusterName);
      env.put("PLAYFIELD_CLUSTER_MEMBERS", members);
      env.put("PLAYFIELD_CLUSTER_PORT", String.valueOf(clusterPorts[i]));
      env.put("PLAYFIELD_HTTP_PORT", String.valueOf(httpPorts[i]));
      env.put("PLAYFIELD_HTTP_HOST", "127.0.0.1");
      env.put("PLAYFIELD_AUTH_TOKEN_SECRET", TestNode.TEST_SECRET);
      env.put("PLAYFIELD_MATCHMAKING_INTERVAL_MS", "50");
      env.put("PLAYFIELD_MODES_ARENA_MATCH_SIZE", "2");
      env.put("PLAYFIELD_MODES_ARENA_MIN_PLAYERS", "2");
      env.put("PLAYFIELD_MODES_ARENA_COUNTDOWN_MS", "200");
      env.putAll(settings);
      ServerProcess server = ServerProcess.start("node" + i, env);
      servers.add(server);
      server.awaitLog("ready: http port", Duration.ofSeconds(60));
    }
  }

  public ServerProcess server(int index) {
    return servers.get(index);
  }

  public List<ServerProcess> servers() {
    return servers;
  }

  public int httpPort(int index) {
    return httpPorts[index];
  }

  /** Keeps each node's log under target/ (named {@code prefix}N.log), for a run that failed. */
  public void saveLogs(String prefix) throws java.io.IOException {
    for (int i = 0; i < servers.size(); i++) {
      Files.writeString(Path.of("target", prefix + i + ".log"), servers.get(i).logText());
    }
  }

  @Override
  public void close() {
    servers.forEach(ServerProcess::close);
  }
}
