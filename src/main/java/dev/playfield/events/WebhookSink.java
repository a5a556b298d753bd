package dev.playfield.events;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * POSTs each event, one call per event and the next only after the last was answered, to one URL:
 * the body is the event's JSON as written to the outbox, signed ({@link WebhookSignature}) and
 * named by its id, so a receiver can drop an event it has already seen. A 2xx answer delivers it;
 * anything else, or no answer within the timeout, fails it. Calls go through the webhook's own
 * circuit breaker: a receiver that keeps failing is left alone for a while instead of being called
 * at every retry. The sink owns its HTTP client and its breaker and closes both.
 */
final class WebhookSink implements EventSink {

  static final String EVENT_ID_HEADER = "Playfield-Event-Id";
  static final String EVENT_TYPE_HEADER = "Playfield-Event-Type";

  private final String name;
  private final String url;
  private final WebhookSignature signature;
  private final HttpClientAgent client;
  private final CircuitBreaker breaker;
  private final long timeoutMs;

  WebhookSink(String name, String url, WebhookSignature signature, HttpClientAgent client, CircuitBreaker breaker,
      long timeoutMs) {
    this.name = name;
    this.url = url;
    this.signature = signature;
    this.client = client;
    this.breaker = breaker;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Future<Delivery> deliver(List<OutboxEvent> events) {
    return deliverFrom(events, 0);
  }

  private Future<Delivery> deliverFrom(List<OutboxEvent> events, int index) {
    if (index == events.size()) {
      return Future.succeededFuture(Delivery.all(events));
    }
    return breaker.<Void>execute(() -> post(events.get(index))).transform(sent -> sent.succeeded()
        ? deliverFrom(events, index + 1)
        : Future.succeededFuture(Delivery.stoppedAt(index, sent.cause())));
  }

  private Future<Void> post(OutboxEvent event) {
    byte[] body = event.payloadJson().getBytes(StandardCharsets.UTF_8);
    RequestOptions request = new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setAbsoluteURI(url)
        .setConnectTimeout(timeoutMs)
        .setIdleTimeout(timeoutMs)
        .putHeader("Content-Type", "application/json")
        .putHeader(EVENT_ID_HEADER, event.id())
        .putHeader(EVENT_TYPE_HEADER, event.type())
        .putHeader(WebhookSignature.HEADER, signature.sign(body));
    return client.request(request)
        .compose(call -> call.send(Buffer.buffer(body)))
        .compose(this::accepted);
  }

  private Future<Void> accepted(HttpClientResponse response) {
    // The body is read either way, so the connection can carry the next call.
    return response.body().compose(ignored -> response.statusCode() / 100 == 2
        ? Future.succeededFuture()
        : Future.failedFuture("answered HTTP " + response.statusCode()));
  }

  @Override
  public Future<Void> close() {
    breaker.close();
    return client.close();
  }
}
