package dev.playfield.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.playfield.PlayfieldNode;
import dev.playfield.ops.PlayfieldMetrics;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.Ping;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.support.TestClient;
import dev.playfield.support.TestNode;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The limits a public server needs before a connection is a session: handshake time and connection caps. */
@ExtendWith(VertxExtension.class)
class ConnectionLimitsTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  @Test
  void aHalfSentUpgradeIsClosedInTime(Vertx vertx) throws Exception {
    PlayfieldNode node = TestNode.start(vertx, c -> c.with("gateway.handshake-timeout-ms", 500));
    try (Socket half = new Socket(); TestClient player = TestClient.connect(vertx, node.httpPort(), true)) {
      half.connect(new InetSocketAddress("127.0.0.1", node.httpPort()), 5_000);
      half.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      half.getOutputStream().flush();
      long sent = System.nanoTime();
      assertThat(closedByServer(half, Duration.ofSeconds(3))).as("the half-sent upgrade was closed").isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - sent)).isBetween(Duration.ofMillis(400), Duration.ofMillis(2_500));
      assertThat(refusals(vertx, ConnectionLimits.HANDSHAKE_TIMEOUT)).isEqualTo(1);

      // A connection that became a WebSocket is past its handshake: it outlives the timeout.
      player.login("steady");
      int id = player.send(ClientMessage.newBuilder().setPing(Ping.newBuilder().setClientTime(1)));
      assertThat(player.await(ServerMessage::hasPong, WAIT).getRequestId()).isEqualTo(id);
      assertThat(player.isClosed()).isFalse();
    }
  }

  @Test
  void connectionsFromOneAddressAreCapped(Vertx vertx) {
    PlayfieldNode node = TestNode.start(vertx, c -> c.with("gateway.max-connections-per-address", 3));
    List<TestClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        clients.add(TestClient.connect(vertx, node.httpPort(), true));
      }
      assertThatThrownBy(() -> TestClient.connect(vertx, node.httpPort(), true))
          .as("the fourth connection from 127.0.0.1").hasMessageContaining("503");
      assertThat(refusals(vertx, ConnectionLimits.PER_ADDRESS)).isEqualTo(1);
      for (TestClient earlier : clients) {
        int id = earlier.send(ClientMessage.newBuilder().setPing(Ping.newBuilder().setClientTime(7)));
        assertThat(earlier.await(ServerMessage::hasPong, WAIT).getRequestId()).as("earlier ones keep working").isEqualTo(id);
      }

      clients.remove(0).close();
      TestClient again = connectWithin(vertx, node.httpPort(), WAIT);
      clients.add(again);
      assertThat(again.login("freed").getPlayerId()).as("closing one freed a place").isNotEmpty();
    } finally {
      clients.forEach(TestClient::close);
    }
  }

  @Test
  void connectionsOfTheNodeAreCapped(Vertx vertx) {
    PlayfieldNode node = TestNode.start(vertx, c -> c
        .with("gateway.max-connections", 2).with("gateway.max-connections-per-address", 0));
    try (TestClient first = TestClient.connect(vertx, node.httpPort(), true);
        TestClient second = TestClient.connect(vertx, node.httpPort(), false)) {
      assertThatThrownBy(() -> TestClient.connect(vertx, node.httpPort(), true)).hasMessageContaining("503");
      assertThat(refusals(vertx, ConnectionLimits.PER_NODE)).isEqualTo(1);
      assertThat(first.login("first").getPlayerId()).isNotEmpty();
      assertThat(second.login("second").getPlayerId()).isNotEmpty();
    }
  }

  /** The server closes a connection on a peer that only waits (the socket stays open otherwise). */
  private static boolean closedByServer(Socket socket, Duration within) throws Exception {
    socket.setSoTimeout((int) within.toMillis());
    InputStream in = socket.getInputStream();
    try {
      while (true) {
        if (in.read() < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (java.io.IOException reset) {
      return true;
    }
  }

  /** The server sees the close of a connection a moment after the client made it. */
  private static TestClient connectWithin(Vertx vertx, int port, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      try {
        return TestClient.connect(vertx, port, true);
      } catch (RuntimeException refused) {
        if (System.nanoTime() > deadline) {
          throw refused;
        }
      }
    }
  }

  private static double refusals(Vertx vertx, String reason) {
    Counter counter = PlayfieldMetrics.of(vertx).registry().find("playfield_connections_refused")
        .tag("reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }
}
