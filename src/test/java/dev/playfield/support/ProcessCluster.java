package dev.playfield.support;

import java.net.http.HttpResponse;
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
 * quick two-player matches. Started one after the other (the first is the oldest member). A node
 * can be stopped (SIGTERM) or killed (SIGKILL) and started again on the same ports, as an
 * orchestrator restarting a pod would; every incarnation's log is kept.
 *
 * <p>Not thread-safe: one test thread drives it.
 */
public final class ProcessCluster implements AutoCloseable {

  private final List<ServerProcess> servers = new ArrayList<>();
  /** Earlier incarnations of each node, oldest first, for the logs. */
  private final List<List<ServerProcess>> earlier = new ArrayList<>();
  private final List<Map<String, String>> environments = new ArrayList<>();
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
      Map<String, String> env = quickNode();
      env.put("PLAYFIELD_CLUSTER", "true");
      env.put("PLAYFIELD_CLUSTER_NAME", clusterName);
      env.put("PLAYFIELD_CLUSTER_MEMBERS", members);
      env.put("PLAYFIELD_CLUSTER_PORT", String.valueOf(clusterPorts[i]));
      env.put("PLAYFIELD_HTTP_PORT", String.valueOf(httpPorts[i]));
      env.put("PLAYFIELD_DATABASE_IN_MEMORY", "true");
      env.putAll(settings);
      environments.add(Map.copyOf(env));
      earlier.add(new ArrayList<>());
      ServerProcess server = ServerProcess.start("node" + i, env);
      servers.add(server);
      server.awaitLog("ready: http port", Duration.ofSeconds(60));
    }
  }

  /** The current incarnation of node {@code index}. */
  /** The environment of a node on 127.0.0.1 with the test secret and quick matches of two. */
  public static Map<String, String> quickNode() {
    Map<String, String> env = new HashMap<>();
    env.put("PLAYFIELD_HTTP_HOST", "127.0.0.1");
    env.put("PLAYFIELD_AUTH_TOKEN_SECRET", TestNode.TEST_SECRET);
    env.put("PLAYFIELD_MATCHMAKING_INTERVAL_MS", "50");
    env.put("PLAYFIELD_MODES_ARENA_MATCH_SIZE", "2");
    env.put("PLAYFIELD_MODES_ARENA_MIN_PLAYERS", "2");
    env.put("PLAYFIELD_MODES_ARENA_COUNTDOWN_MS", "200");
    env.put("PLAYFIELD_GATEWAY_MAX_CONNECTIONS_PER_ADDRESS", "0");
    return env;
  }

  public ServerProcess server(int index) {
    return servers.get(index);
  }

  public List<ServerProcess> servers() {
    return servers;
  }

  public int size() {
    return servers.size();
  }

  public int httpPort(int index) {
    return httpPorts[index];
  }

  /** SIGTERM to node {@code index}: it drains and exits by itself. */
  public void terminate(int index) {
    servers.get(index).terminate();
  }

  /** SIGKILL to node {@code index}: it dies on the spot. */
  public void kill(int index) {
    servers.get(index).kill();
  }

  /**
   * Starts node {@code index} again on the same HTTP and cluster ports with the same settings,
   * once its previous process has exited (waiting up to {@code exitTimeout} for that: a draining
   * node exits when its rooms are done). Does not wait for the new process to be ready.
   */
  public ServerProcess restart(int index, Duration exitTimeout) {
    ServerProcess previous = servers.get(index);
    previous.awaitExit(exitTimeout);
    earlier.get(index).add(previous);
    ServerProcess next = ServerProcess.start("node" + index + "." + earlier.get(index).size(), environments.get(index));
    servers.set(index, next);
    return next;
  }

  /** True when node {@code index} answers {@code /ready} with 200 (not draining, in the node directory). */
  public boolean ready(int index) {
    try {
      HttpResponse<String> response = new Http(httpPorts[index]).get("/ready");
      return response.statusCode() == 200;
    } catch (RuntimeException notListening) {
      return false;
    }
  }

  /**
   * Waits until node {@code index} answers {@code /ready} with 200, polling every 100 ms, and
   * returns the time from its process start to that answer; fails after {@code timeout}.
   */
  public Duration awaitReady(int index, Duration timeout) {
    ServerProcess server = servers.get(index);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (ready(index)) {
        return Duration.ofNanos(System.nanoTime() - server.startedAtNanos());
      }
      if (!server.isAlive()) {
        throw new AssertionError(server.name() + " exited before it was ready:\n" + server.logText());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted");
      }
    }
    throw new AssertionError(server.name() + " not ready within " + timeout + ":\n" + server.logText());
  }

  /** Every incarnation's log of node {@code index}, oldest first. */
  public String logText(int index) {
    List<ServerProcess> all = new ArrayList<>(earlier.get(index));
    all.add(servers.get(index));
    return all.stream().map(s -> "=== " + s.name() + "\n" + s.logText()).collect(Collectors.joining("\n"));
  }

  /** Keeps each node's log under target/ (named {@code prefix}N.log, every incarnation), for a run that failed. */
  public void saveLogs(String prefix) throws java.io.IOException {
    for (int i = 0; i < servers.size(); i++) {
      Files.writeString(Path.of("target", prefix + i + ".log"), logText(i));
    }
  }

  @Override
  public void close() {
    servers.forEach(ServerProcess::close);
    earlier.forEach(list -> list.forEach(ServerProcess::close));
  }
}
