package dev.playfield.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * Where the node delivers match events from the outbox (the {@code events} section): to RabbitMQ
 * when {@code rabbitmqUrl} is set, to every webhook listed, or to both. With neither, events stay in
 * the outbox until a sink is configured.
 *
 * @param rabbitmqUrl {@code amqp://user:password@host:port/vhost}; empty: no RabbitMQ
 * @param exchange the topic exchange events are published to (declared durable at start)
 * @param rabbitmqQueue a durable queue declared and bound to every event at start; empty: none
 * @param webhookUrls http(s) URLs each event is POSTed to
 * @param webhookSecret the HMAC-SHA256 key of the webhook signature; required with webhooks
 * @param webhookTimeoutMs how long one webhook call may take before it counts as failed
 * @param pollIntervalMs how often an idle publisher looks for new events
 * @param batchSize events read from the outbox per pass, and published per broker confirm
 * @param retryInitialMs the wait after a sink's first failure; it doubles with each failure after
 * @param retryMaxMs the longest wait between two attempts of a failing sink
 * @param breakerMaxFailures failed calls in a row that open a webhook's circuit breaker
 * @param breakerResetMs how long an open breaker refuses calls before it lets one through
 */
public record EventsConfig(
    String rabbitmqUrl,
    String exchange,
    String rabbitmqQueue,
    List<String> webhookUrls,
    String webhookSecret,
    int webhookTimeoutMs,
    int pollIntervalMs,
    int batchSize,
    int retryInitialMs,
    int retryMaxMs,
    int breakerMaxFailures,
    int breakerResetMs) {

  /** The shortest webhook secret accepted: a receiver's only proof that an event came from us. */
  public static final int MIN_SECRET_LENGTH = 16;

  public boolean rabbitmqEnabled() {
    return !rabbitmqUrl.isEmpty();
  }

  public boolean webhooksEnabled() {
    return !webhookUrls.isEmpty();
  }

  static EventsConfig from(Section events) {
    String rabbitmqUrl = events.string("rabbitmq-url").strip();
    if (!rabbitmqUrl.isEmpty() && !rabbitmqUrl.startsWith("amqp://") && !rabbitmqUrl.startsWith("amqps://")) {
      throw new IllegalArgumentException(events.name("rabbitmq-url") + ": expected amqp://user:password@host:port, got '"
          + rabbitmqUrl + "'");
    }
    String exchange = events.string("exchange").strip();
    if (exchange.isEmpty()) {
      throw new IllegalArgumentException(events.name("exchange") + ": must name the exchange events are published to");
    }
    List<String> webhookUrls = events.strings("webhook-urls").stream().filter(url -> !url.isEmpty()).toList();
    webhookUrls.forEach(url -> checkWebhookUrl(events.name("webhook-urls"), url));
    String secret = events.string("webhook-secret");
    if (!webhookUrls.isEmpty() && secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(events.name("webhook-secret") + " (PLAYFIELD_EVENTS_WEBHOOK_SECRET): at least "
          + MIN_SECRET_LENGTH + " characters are needed to sign webhook calls, got " + secret.length());
    }
    int retryInitialMs = events.intIn("retry-initial-ms", 1, 3_600_000);
    return new EventsConfig(rabbitmqUrl, exchange, events.string("rabbitmq-queue").strip(), webhookUrls, secret,
        events.intIn("webhook-timeout-ms", 100, 600_000),
        events.intIn("poll-interval-ms", 10, 60_000),
        events.intIn("batch-size", 1, 10_000),
        retryInitialMs,
        events.intIn("retry-max-ms", retryInitialMs, 3_600_000),
        events.intIn("breaker-max-failures", 1, 1_000),
        events.intIn("breaker-reset-ms", 100, 3_600_000));
  }

  private static void checkWebhookUrl(String key, String url) {
    try {
      URI uri = new URI(url);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return;
      }
    } catch (URISyntaxException e) {
      // Reported below with the key's name.
    }
    throw new IllegalArgumentException(key + ": expected an http:// or https:// URL, got '" + url + "'");
  }
}
