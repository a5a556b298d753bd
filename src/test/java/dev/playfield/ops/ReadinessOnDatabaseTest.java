package dev.playfield.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.support.Http;
import dev.playfield.support.TcpProxy;
import dev.playfield.support.TestDatabases;
import dev.playfield.support.TestNode;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A node whose database goes away is alive but not ready (a load balancer stops sending it players,
 * an orchestrator does not restart it), and ready again once the database is back. The database is
 * the real PostgreSQL, reached through a proxy the test closes and opens.
 */
class ReadinessOnDatabaseTest {

  private Vertx vertx;
  private TcpProxy proxy;
  private String schema;
  private Http http;

  @BeforeEach
  void start() {
    TestDatabases.requirePostgres();
    vertx = Vertx.vertx();
    proxy = TcpProxy.to(vertx, 5432);
    schema = TestDatabases.freshSchema();
    String url = "postgresql://postgres@127.0.0.1:" + proxy.port() + "/test";
    http = new Http(TestNode.start(vertx, config -> config
        .with("database.in-memory", false)
        .with("database.url", url)
        .with("database.schema", schema)).httpPort());
  }

  @AfterEach
  void stop() {
    if (vertx != null) {
      proxy.close();
      vertx.close().await();
      TestDatabases.dropSchema(schema);
    }
  }

  @Test
  void readinessFollowsTheDatabaseWhileLivenessStays() {
    assertThat(http.get("/ready").statusCode()).isEqualTo(200);

    proxy.close();
    HttpResponse<String> away = awaitReady(503, Duration.ofSeconds(15));
    assertThat(away.body()).contains("database").contains("DOWN");
    assertThat(http.get("/health").statusCode()).as("alive without its database").isEqualTo(200);

    proxy.open();
    awaitReady(200, Duration.ofSeconds(30));
  }

  private HttpResponse<String> awaitReady(int status, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    HttpResponse<String> last = http.get("/ready");
    while (last.statusCode() != status && System.nanoTime() < deadline) {
      try {
        Thread.sleep(200); // polling an outside system: nothing here has a clock to step
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      last = http.get("/ready");
    }
    assertThat(last.statusCode()).as("/ready within %s: %s", within, last.body()).isEqualTo(status);
    return last;
  }
}
