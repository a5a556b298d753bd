package dev.playfield.events;

import dev.playfield.cluster.Leadership;
import dev.playfield.config.EventsConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox's events to the sinks the {@code events} configuration names: RabbitMQ, the
 * webhooks, or both. The node calls {@link #start} once; the publisher then runs until Vert.x
 * closes, publishing only while the node leads its cluster.
 */
public final class EventPublishing {

  private static final Logger log = LoggerFactory.getLogger(EventPublishing.class);

  private EventPublishing() {}

  /**
   * Deploys the publisher; completes once it runs (it connects to the sinks on its first pass, so a
   * broker or webhook that is down does not hold up the start). Without any sink configured,
   * deploys nothing: the events wait in the outbox.
   */
  public static Future<Void> start(Vertx vertx, EventsConfig config, Outbox outbox, Leadership leadership,
      MeterRegistry registry) {
    List<EventSink> sinks = sinks(vertx, config);
    if (sinks.isEmpty()) {
      log.info("events: no RabbitMQ and no webhook configured; events wait in the outbox");
      return Future.succeededFuture();
    }
    return vertx.deployVerticle(verticle(config, outbox, leadership, new EventMetrics(registry), sinks))
        .onSuccess(id -> log.info("events: publishing to {}", sinks.stream().map(EventSink::name).toList()))
        .mapEmpty();
  }

  static EventPublisherVerticle verticle(EventsConfig config, Outbox outbox, Leadership leadership,
      EventMetrics metrics, List<EventSink> sinks) {
    Backoff backoff = new Backoff(config.retryInitialMs(), config.retryMaxMs());
    EventRelay relay = new EventRelay(outbox, sinks, config.batchSize(), backoff, Clock.systemUTC(),
        ThreadLocalRandom.current(), metrics);
    return new EventPublisherVerticle(relay, outbox, leadership, metrics, config.pollIntervalMs(), backoff);
  }

  /** The sinks the configuration names: RabbitMQ first, then each webhook in the order listed. */
  static List<EventSink> sinks(Vertx vertx, EventsConfig config) {
    List<EventSink> sinks = new ArrayList<>();
    if (config.rabbitmqEnabled()) {
      sinks.add(new RabbitMqSink(vertx, config.rabbitmqUrl(), config.exchange(), config.rabbitmqQueue()));
    }
    WebhookSignature signature = new WebhookSignature(config.webhookSecret());
    List<String> urls = config.webhookUrls();
    for (int i = 0; i < urls.size(); i++) {
      String name = "webhook-" + (i + 1);
      log.info("events: {} is {}", name, withoutSecrets(urls.get(i)));
      CircuitBreaker breaker = CircuitBreaker.create("events-" + name, vertx, new CircuitBreakerOptions()
          .setMaxFailures(config.breakerMaxFailures())
          .setTimeout(config.webhookTimeoutMs())
          .setResetTimeout(config.breakerResetMs())
          .setNotificationAddress(null));
      sinks.add(new WebhookSink(name, urls.get(i), signature,
          vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)), breaker, config.webhookTimeoutMs()));
    }
    return sinks;
  }

  // A URL may carry a token in its user info or query: logs get scheme, host, port and path only.
  private static String withoutSecrets(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + uri.getRawPath();
  }
}
