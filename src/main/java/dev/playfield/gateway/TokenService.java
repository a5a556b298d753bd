package dev.playfield.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Clock;

/**
 * Signs and checks session tokens: JWTs (HS256) whose subject is the player id. The signature is
 * checked by vertx-auth-jwt; expiry is checked here against an injected clock, so an expired token
 * gets its own error code and tests need not wait.
 */
public final class TokenService {

  /** Who a valid token speaks for; {@code tokenId} is set on resume tokens. */
  public record Claims(String playerId, String name, String tokenId) {
    public Claims(String playerId, String name) {
      this(playerId, name, "");
    }
  }

  /** A resume token and its id (the key of its entry in the cluster). */
  public record ResumeToken(String token, String tokenId) {}

  private static final String KIND = "kind";
  private static final String RESUME = "resume";

  /** Why a token was refused. */
  public static final class TokenRejected extends RuntimeException {
    private final boolean expired;

    TokenRejected(String message, boolean expired) {
      super(message, null, false, false);
      this.expired = expired;
    }

    public boolean expired() {
      return expired;
    }
  }

  private static final String ISSUER = "playfield";

  private final JWTAuth jwt;
  private final int ttlSeconds;
  private final Clock clock;

  public TokenService(Vertx vertx, String secret, int ttlSeconds, Clock clock) {
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret))
        .setJWTOptions(new JWTOptions().setIssuer(ISSUER).setIgnoreExpiration(true)));
    this.ttlSeconds = ttlSeconds;
    this.clock = clock;
  }

  public String issue(String playerId, String name) {
    return sign(playerId, baseClaims(name));
  }

  /** A one-time token to take the session back; the cluster's resume store decides if it still works. */
  public ResumeToken issueResume(String playerId, String name) {
    String id = java.util.UUID.randomUUID().toString();
    return new ResumeToken(sign(playerId, baseClaims(name).put(KIND, RESUME).put("jti", id)), id);
  }

  private JsonObject baseClaims(String name) {
    long now = clock.instant().getEpochSecond();
    return new JsonObject()
        .put("name", name)
        .put("iat", now)
        .put("exp", now + ttlSeconds);
  }

  private String sign(String playerId, JsonObject claims) {
    return jwt.generateToken(claims, new JWTOptions()
        .setAlgorithm("HS256")
        .setIssuer(ISSUER)
        .setSubject(playerId)
        .setNoTimestamp(true));
  }

  /**
   * Fails with {@link TokenRejected} when the token is forged, malformed or expired. Resume tokens
   * verify too (with their {@link Claims#tokenId}); callers check which kind they expect.
   */
  public Future<Claims> verify(String token) {
    return jwt.authenticate(new TokenCredentials(token))
        .recover(cause -> Future.failedFuture(new TokenRejected("token is not valid: not signed by this server", false)))
        .compose(user -> {
          JsonObject principal = user.principal();
          // vertx-auth-jwt moves the registered time claims from the principal to the attributes.
          long exp = user.attributes().getLong("exp", 0L);
          if (exp <= clock.instant().getEpochSecond()) {
            return Future.failedFuture(new TokenRejected("token expired; log in again without it", true));
          }
          String subject = principal.getString("sub");
          if (subject == null || subject.isEmpty()) {
            return Future.failedFuture(new TokenRejected("token has no subject", false));
          }
          String tokenId = RESUME.equals(principal.getString(KIND)) ? principal.getString("jti", "") : "";
          return Future.succeededFuture(new Claims(subject, principal.getString("name", ""), tokenId));
        });
  }
}
