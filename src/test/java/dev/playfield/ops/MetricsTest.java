package dev.playfield.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.PlayfieldNode;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.support.Http;
import dev.playfield.support.TestClient;
import dev.playfield.support.TestNode;
import io.micrometer.core.instrument.Gauge;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /metrics on a node built as the launcher builds it: the playfield_ series move while a match is played. */
class MetricsTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private Vertx vertx;
  private Http http;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx(VertxMetricsSetup.enable(new VertxOptions()));
    PlayfieldNode node = TestNode.start(vertx, c -> c);
    http = new Http(node.httpPort());
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void playfieldSeriesMoveWhileAMatchIsPlayed() {
    String before = scrape();
    assertThat(value(before, "playfield_room_failovers_total")).as("registered before any failover").isZero();
    assertThat(value(before, "playfield_session_resumptions_total")).isZero();
    assertThat(value(before, "playfield_connected_players")).isZero();

    try (TestClient json = TestClient.connect(vertx, http.port(), false);
        TestClient binary = TestClient.connect(vertx, http.port(), true)) {
      json.login("ann");
      binary.login("bob");
      json.sendText("{ not json");
      json.awaitError(ErrorCode.MALFORMED_FRAME);
      json.joinQueue("arena");
      json.await(ServerMessage::hasQueued, WAIT);
      binary.joinQueue("arena");
      binary.await(ServerMessage::hasMatchFound, WAIT);
      int seq = binary.move(1, 0);
      binary.await(m -> m.hasState() && m.getState().getLastInputSeq() >= seq, WAIT);

      String during = scrape();
      assertThat(value(during, "playfield_connected_players")).isEqualTo(2);
      assertThat(value(during, "playfield_rooms{state=\"running\"}") + value(during, "playfield_rooms{state=\"waiting\"}"))
          .isEqualTo(1);
      assertThat(value(during, "playfield_tick_duration_seconds_count{mode=\"arena\"}")).isPositive();
      assertThat(value(during, "playfield_matchmaking_wait_seconds_count{mode=\"arena\"}")).isEqualTo(2);
      assertThat(value(during, "playfield_messages_total{direction=\"in\",encoding=\"json\"}")).isGreaterThanOrEqualTo(3);
      assertThat(value(during, "playfield_messages_total{direction=\"in\",encoding=\"binary\"}")).isGreaterThanOrEqualTo(3);
      assertThat(value(during, "playfield_messages_total{direction=\"out\",encoding=\"binary\"}")).isPositive();
      assertThat(value(during, "playfield_message_bytes_sum{direction=\"out\",encoding=\"json\"}")).isPositive();
      assertThat(value(during, "playfield_protocol_errors_total{code=\"MALFORMED_FRAME\"}")).isEqualTo(1);
      assertThat(during).as("tick duration is a histogram").contains("playfield_tick_duration_seconds_bucket{");
      assertThat(value(during, "playfield_tick_lateness_seconds_count{mode=\"arena\"}"))
          .as("each tick's start is measured against its slot").isPositive();
      assertThat(during).contains("playfield_tick_lateness_seconds_bucket{");
      assertThat(during).as("Vert.x's own metrics are on").contains("vertx_http_server_");

      json.await(ServerMessage::hasMatchEnd, WAIT);
      binary.await(ServerMessage::hasMatchEnd, WAIT);
    }
    long deadline = System.nanoTime() + WAIT.toNanos();
    String after;
    do {
      after = scrape();
    } while ((value(after, "playfield_connected_players") != 0 || value(after, "playfield_rooms{state=\"finished\"}") != 0)
        && System.nanoTime() < deadline);
    assertThat(value(after, "playfield_connected_players")).isZero();
    assertThat(value(after, "playfield_rooms{state=\"running\"}")).isZero();
    assertThat(value(after, "playfield_rooms{state=\"finished\"}")).isZero();
    assertThat(value(after, "playfield_cross_node_hops_total{kind=\"room_to_gateway\"}"))
        .as("one node: nothing crosses").isZero();
  }

  @Test
  void scrapesRenderOffTheEventLoop() {
    AtomicReference<String> renderedOn = new AtomicReference<>();
    Gauge.builder("test_scrape_thread", () -> {
      renderedOn.set(Thread.currentThread().getName());
      return 1;
    }).register(PlayfieldMetrics.of(vertx).registry());

    assertThat(value(scrape(), "test_scrape_thread")).isEqualTo(1);
    assertThat(renderedOn.get()).as("rendering a scrape must not hold up the rooms' ticks")
        .startsWith("vert.x-worker-thread");
  }

  private String scrape() {
    var response = http.get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    return response.body();
  }

  /** The value of one series, given as its name and labels exactly as printed. */
  static double value(String exposition, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(exposition);
    if (!m.find()) {
      throw new AssertionError("no series " + series + " in:\n" + exposition.lines()
          .filter(l -> l.startsWith("playfield_")).reduce("", (a, b) -> a + b + "\n"));
    }
    return Double.parseDouble(m.group(1));
  }
}
