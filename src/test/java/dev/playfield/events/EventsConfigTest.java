package dev.playfield.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.playfield.config.ConfigLoader;
import dev.playfield.config.EventsConfig;
import dev.playfield.config.PlayfieldConfig;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The events section as the node reads it: built-in defaults, then environment variables. */
class EventsConfigTest {

  private static Vertx vertx;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void closeVertx() {
    vertx.close().await();
  }

  private static EventsConfig load(Map<String, String> env) {
    return ConfigLoader.load(vertx, env).await().events();
  }

  @Test
  void byDefaultNoSinkIsConfigured() {
    EventsConfig events = load(Map.of());
    assertThat(events.rabbitmqEnabled()).isFalse();
    assertThat(events.webhooksEnabled()).isFalse();
    assertThat(events.exchange()).isEqualTo("playfield.events");
  }

  @Test
  void environmentVariablesNameTheBrokerAndTheWebhooks() {
    Map<String, String> env = new HashMap<>();
    env.put("PLAYFIELD_EVENTS_RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672");
    env.put("PLAYFIELD_EVENTS_WEBHOOK_URLS", "https://hooks.example.test/a, http://127.0.0.1:9000/b");
    env.put("PLAYFIELD_EVENTS_WEBHOOK_SECRET", "sixteen-chars-at-least");
    EventsConfig events = load(env);
    assertThat(events.rabbitmqUrl()).isEqualTo("amqp://guest:guest@127.0.0.1:5672");
    assertThat(events.webhookUrls()).containsExactly("https://hooks.example.test/a", "http://127.0.0.1:9000/b");
    assertThat(events.webhookSecret()).isEqualTo("sixteen-chars-at-least");
  }

  @Test
  void webhooksWithoutASecretAreRefusedNamingTheKey() {
    assertThatThrownBy(() -> load(Map.of("PLAYFIELD_EVENTS_WEBHOOK_URLS", "http://127.0.0.1:9000/hook")))
        .hasMessageContaining("events.webhook-secret");
  }

  @Test
  void aBrokerUrlThatIsNotAmqpIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> load(Map.of("PLAYFIELD_EVENTS_RABBITMQ_URL", "127.0.0.1:5672")))
        .hasMessageContaining("events.rabbitmq-url");
  }

  @Test
  void aWebhookThatIsNotAnHttpUrlIsRefusedNamingTheKey() {
    PlayfieldConfig defaults = ConfigLoader.load(vertx, Map.of()).await();
    assertThatThrownBy(() -> defaults.with("events.webhook-urls", io.vertx.core.json.JsonArray.of("ftp://x/y"))
        .events()).hasMessageContaining("events.webhook-urls");
  }

  @Test
  void aMaximumRetryWaitBelowTheFirstIsRefused() {
    assertThatThrownBy(() -> load(Map.of("PLAYFIELD_EVENTS_RETRY_INITIAL_MS", "1000", "PLAYFIELD_EVENTS_RETRY_MAX_MS", "999")))
        .hasMessageContaining("events.retry-max-ms");
  }
}
