package dev.playfield.ops;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Lets an admin request through only with {@code Authorization: Bearer <admin.token>}. Every
 * refusal is the same 401, whether the token is missing, wrong, or the admin API is disabled (empty
 * token), so a caller learns nothing about which. Tokens are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, which takes the same time wherever they differ.
 */
final class AdminAuth implements Handler<RoutingContext> {

  private static final String PREFIX = "Bearer ";
  private final byte[] expected;

  AdminAuth(String token) {
    this.expected = token.isEmpty() ? null : sha256(token);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    boolean allowed = expected != null && header != null && header.startsWith(PREFIX)
        && MessageDigest.isEqual(expected, sha256(header.substring(PREFIX.length()).trim()));
    if (allowed) {
      ctx.next();
      return;
    }
    ctx.response().setStatusCode(401)
        .putHeader("WWW-Authenticate", "Bearer realm=\"playfield-admin\"")
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end("{\"error\":\"unauthorized\"}");
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
