package dev.playfield.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.protocol.v1.LoginOk;
import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.protocol.v1.MatchFound;
import dev.playfield.protocol.v1.Resumed;
import dev.playfield.protocol.v1.RoomPhase;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.protocol.v1.State;
import dev.playfield.support.ProcessCluster;
import dev.playfield.support.ServerProcess;
import dev.playfield.support.TestClient;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three nodes as separate JVMs, players in several rooms spread over them, and kill -9 of a node
 * that hosts rooms in mid-match. Every match completes; for each room the test reports the pause
 * the players saw and the game time lost.
 */
class ChaosIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final int MATCHES = 3;

  private final Vertx vertx = Vertx.vertx();
  private final List<TestClient> clients = new ArrayList<>();
  private ProcessCluster cluster;
  private List<ServerProcess> servers;
  private int[] httpPorts;

  /** One player as the test follows it. */
  private static final class Player {
    TestClient client;
    final LoginOk login;
    final int node;
    String roomId;
    State lastBeforeKill;

    Player(TestClient client, LoginOk login, int node) {
      this.client = client;
      this.login = login;
      this.node = node;
    }
  }

  @AfterEach
  void tearDown() throws Exception {
    if (cluster != null) {
      cluster.saveLogs("chaos-node");
      cluster.close();
    }
    clients.forEach(TestClient::close);
    vertx.close().await();
  }

  @Test
  void killingANodeInMidMatchLosesNoMatchAndNoPlayer() throws Exception {
    cluster = new ProcessCluster(3, Map.of("PLAYFIELD_MODES_ARENA_SETTINGS_MATCH_SECONDS", "12"));
    servers = cluster.servers();
    httpPorts = new int[] {cluster.httpPort(0), cluster.httpPort(1), cluster.httpPort(2)};
    List<Player> players = new ArrayList<>();
    for (int m = 0; m < MATCHES; m++) {
      Player a = join(m % 3, "a" + m);
      Player b = join((m + 1) % 3, "b" + m);
      a.client.joinQueue("arena");
      a.client.await(ServerMessage::hasQueued, WAIT);
      b.client.joinQueue("arena");
      for (Player p : List.of(a, b)) {
        MatchFound found = p.client.await(ServerMessage::hasMatchFound, WAIT).getMatchFound();
        p.roomId = found.getRoomId();
        players.add(p);
      }
    }
    for (Player p : players) {
      p.client.await(m -> m.hasState() && m.getState().getPhase() == RoomPhase.ROOM_PHASE_RUNNING, WAIT);
    }
    Thread.sleep(1_500);
    int victim = nodeHostingMostRooms();
    for (Player p : players) {
      p.client.drain();
      p.lastBeforeKill = p.client.await(ServerMessage::hasState, WAIT).getState();
    }
    long killedAt = System.nanoTime();
    servers.get(victim).kill();

    // Players of the dead node come back through another node with their resume token.
    Map<String, Long> reconnectMillis = new HashMap<>();
    Map<String, Long> killToStateMillis = new HashMap<>();
    for (Player p : players) {
      if (p.node == victim) {
        p.client.awaitClose(WAIT);
        long reconnecting = System.nanoTime();
        TestClient back = TestClient.connect(vertx, httpPorts[(victim + 1) % 3], true);
        clients.add(back);
        Resumed resumed = back.resume(p.login.getResumeToken());
        assertThat(resumed.hasMatch()).as(p.login.getName() + " gets the seat back").isTrue();
        back.await(ServerMessage::hasState, WAIT);
        reconnectMillis.put(p.login.getName(), (back.lastArrivalNanos() - reconnecting) / 1_000_000);
        killToStateMillis.put(p.login.getName(), (back.lastArrivalNanos() - killedAt) / 1_000_000);
        p.client = back;
      }
    }
    // Rooms that lived on the dead node: how long their players saw nothing, and the game time
    // the resumed room lost (the ticks between the last state seen and the copy it resumed from).
    Map<String, Long> resumedAtTick = resumedRooms();
    for (long deadline = System.nanoTime() + WAIT.toNanos(); resumedAtTick.isEmpty() && System.nanoTime() < deadline; ) {
      Thread.sleep(100);
      resumedAtTick = resumedRooms();
    }
    Map<String, Long> pauseMillisByRoom = new HashMap<>();
    Map<String, Long> ticksLostByRoom = new HashMap<>();
    for (Player p : players) {
      if (!resumedAtTick.containsKey(p.roomId) || p.node == victim) {
        continue;
      }
      pauseMillisByRoom.merge(p.roomId, longestGapMillis(p, killedAt), Math::max);
      ticksLostByRoom.merge(p.roomId, Math.max(0, p.lastBeforeKill.getTick() - resumedAtTick.get(p.roomId)), Math::max);
    }
    System.out.println("chaos: killed node" + victim + " hosting " + resumedAtTick.size() + " rooms; pause ms "
        + pauseMillisByRoom.values() + "; game ticks lost " + ticksLostByRoom.values()
        + "; dead node's players: reconnect-to-state ms " + reconnectMillis.values()
        + ", kill-to-state ms " + killToStateMillis.values());
    assertThat(resumedAtTick).as("the dead node's rooms resumed elsewhere").isNotEmpty();
    for (Player p : players) {
      MatchEnd end = p.client.await(ServerMessage::hasMatchEnd, WAIT).getMatchEnd();
      assertThat(end.getStandingsCount()).as("every match ends with both players ranked").isEqualTo(2);
    }
    assertThat(ticksLostByRoom.values()).allMatch(lost -> lost <= 10);
    assertThat(pauseMillisByRoom.values()).allMatch(pause -> pause < 10_000);
    assertThat(killToStateMillis.values()).allMatch(millis -> millis < 15_000);
  }

  /**
   * The longest time between two states the player received around the kill: the pause they saw.
   * Reads states until ten have arrived after that gap.
   */
  private static long longestGapMillis(Player p, long killedAt) {
    long previous = killedAt;
    long longest = 0;
    int sinceLongest = 0;
    while (sinceLongest < 10) {
      p.client.await(m -> m.hasState() && m.getState().getRoomId().equals(p.roomId), WAIT);
      long arrived = p.client.lastArrivalNanos();
      if (arrived - previous > longest) {
        longest = arrived - previous;
        sinceLongest = 0;
      } else {
        sinceLongest++;
      }
      previous = Math.max(previous, arrived);
    }
    return longest / 1_000_000;
  }

  /** Room id to the tick it resumed from, as the surviving nodes logged it. */
  private Map<String, Long> resumedRooms() throws InterruptedException {
    java.util.regex.Pattern resumed = java.util.regex.Pattern.compile("room (\\S+) resumed at tick (\\d+)");
    Map<String, Long> rooms = new HashMap<>();
    for (ServerProcess server : servers) {
      server.logText().lines().map(resumed::matcher).filter(java.util.regex.Matcher::find)
          .forEach(m -> rooms.put(m.group(1), Long.parseLong(m.group(2))));
    }
    return rooms;
  }

  private Player join(int node, String name) {
    TestClient client = TestClient.connect(vertx, httpPorts[node], node % 2 == 0);
    clients.add(client);
    return new Player(client, client.login(name), node);
  }

  private int nodeHostingMostRooms() {
    int best = 0;
    long most = -1;
    for (int i = 0; i < servers.size(); i++) {
      long rooms = servers.get(i).logText().lines().filter(line -> line.contains("created: mode=arena")).count();
      if (rooms > most) {
        most = rooms;
        best = i;
      }
    }
    return best;
  }

}
