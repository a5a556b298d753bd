package dev.playfield.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.PlayfieldNode;
import dev.playfield.protocol.v1.RoomPhase;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.support.RawWebSocket;
import dev.playfield.support.TestClient;
import dev.playfield.support.TestNode;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client that stops reading: the server skips its states instead of queueing them, then closes it
 * with a reason; its opponent notices nothing.
 */
@ExtendWith(VertxExtension.class)
class SlowReaderTest {

  @Test
  void slowReaderIsSkippedThenClosedWhileTheOpponentPlaysOn(Vertx vertx) throws Exception {
    PlayfieldNode node = TestNode.start(vertx, c -> c
        .with("modes.arena.settings.match-seconds", 60)
        .with("gateway.slow-reader-seconds", 2)
        .with("gateway.write-queue-bytes", 4096)
        .with("gateway.send-buffer-bytes", 4096));
    try (RawWebSocket slow = RawWebSocket.connect(node.httpPort(), 4096);
        TestClient steady = TestClient.connect(vertx, node.httpPort(), true)) {
      slow.sendText("{\"login\":{\"name\":\"slow\"}}");
      slow.readUntil("loginOk", 5_000);
      steady.login("steady");
      slow.sendText("{\"joinQueue\":{\"mode\":\"arena\"}}");
      steady.joinQueue("arena");
      steady.await(m -> m.hasState() && m.getState().getPhase() == RoomPhase.ROOM_PHASE_RUNNING, Duration.ofSeconds(5));
      long heapBefore = usedHeapAfterGc();

      // From here on the slow client reads nothing.
      long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
      while (node.load().players() > 1 && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(node.load().players()).as("the slow client was closed").isEqualTo(1);
      assertThat(node.load().statesSkipped()).as("states skipped, not queued").isPositive();
      assertThat(slow.serverClosed()).as("the server dropped the connection").isTrue();
      // What the server held for the slow client is bounded by the write queue, not by time.
      assertThat(usedHeapAfterGc() - heapBefore).isLessThan(16L << 20);

      steady.drain();
      int seq = steady.move(1, 0);
      steady.await(m -> m.hasState() && m.getState().getLastInputSeq() >= seq, Duration.ofSeconds(1));
    }
  }

  private static long usedHeapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
