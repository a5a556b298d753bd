package dev.playfield.events;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver as a customer would write one, on a real HTTP server: checks each call's
 * signature itself (HMAC-SHA256 of the raw body, as the README tells receivers to) and keeps the
 * calls it accepted. While {@link #failing} it answers 500 to every call.
 */
final class WebhookReceiver implements AutoCloseable {

  /** One call as received. */
  record Call(String eventId, String eventType, String body, boolean signatureValid) {}

  private final byte[] secret;
  private final HttpServer server;
  private final List<Call> accepted = new ArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();
  final AtomicBoolean failing = new AtomicBoolean();

  private WebhookReceiver(Vertx vertx, String secret) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.server = vertx.createHttpServer().requestHandler(this::onRequest);
  }

  static WebhookReceiver start(Vertx vertx, String secret) {
    WebhookReceiver receiver = new WebhookReceiver(vertx, secret);
    receiver.server.listen(0, "127.0.0.1").await();
    return receiver;
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/hooks/playfield";
  }

  /** Calls that reached the receiver, answered 2xx or not. */
  int calls() {
    return calls.get();
  }

  synchronized List<Call> accepted() {
    return List.copyOf(accepted);
  }

  private void onRequest(HttpServerRequest request) {
    request.body().onSuccess(body -> {
      calls.incrementAndGet();
      if (failing.get()) {
        request.response().setStatusCode(500).end("down for maintenance");
        return;
      }
      byte[] raw = body.getBytes();
      Call call = new Call(request.getHeader("Playfield-Event-Id"), request.getHeader("Playfield-Event-Type"),
          new String(raw, StandardCharsets.UTF_8), signatureValid(raw, request.getHeader("Playfield-Signature")));
      synchronized (this) {
        accepted.add(call);
      }
      request.response().setStatusCode(204).end();
    });
  }

  private boolean signatureValid(byte[] body, String header) {
    if (header == null || !header.startsWith("sha256=")) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] expected = mac.doFinal(body);
      return MessageDigest.isEqual(expected, HexFormat.of().parseHex(header.substring("sha256=".length())));
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public void close() {
    server.close().await();
  }
}
