package dev.playfield.gateway;

import dev.playfield.config.AccountsConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Checks identity tokens from the configured OpenID Connect provider: the signature against the
 * provider's JWKS (fetched on first use, fetched again at most once a minute when a token fails, so
 * rotated keys are picked up), the issuer and audience by vertx-auth-jwt, expiry here against the
 * injected clock so an expired token gets its own code. Safe from any thread.
 */
final class IdentityTokens {

  /** Who an identity token speaks for. {@code name} is its display name claim, possibly empty. */
  record Identity(String issuer, String subject, String name) {}

  static final long REFRESH_NANOS = 60_000_000_000L;
  private static final int FETCH_TIMEOUT_MS = 5_000;

  private final Vertx vertx;
  private final AccountsConfig.Oidc oidc;
  private final HttpClientAgent http;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private volatile Future<JWTAuth> keys;
  private volatile long fetchedAt;

  IdentityTokens(Vertx vertx, AccountsConfig.Oidc oidc, Clock clock, LongSupplier nanoTime) {
    this.vertx = vertx;
    this.oidc = oidc;
    this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(FETCH_TIMEOUT_MS));
    this.clock = clock;
    this.nanoTime = nanoTime;
  }

  boolean enabled() {
    return oidc.enabled();
  }

  /**
   * Fails with {@link TokenService.TokenRejected} for a token that is not the provider's, not for
   * this game, or expired; with another failure when the provider's keys cannot be fetched.
   */
  Future<Identity> verify(String idToken) {
    return keys().compose(auth -> auth.authenticate(new TokenCredentials(idToken))
        // A provider that cannot be reached for the refresh leaves the token refused as it was.
        .recover(first -> refreshedAfter(auth).otherwise(auth).compose(fresh -> fresh == auth
            ? Future.failedFuture(first) : fresh.authenticate(new TokenCredentials(idToken)))))
        .recover(IdentityTokens::rejected)
        .compose(this::identity);
  }

  private Future<Identity> identity(User user) {
    JsonObject principal = user.principal();
    long exp = user.attributes().getLong("exp", 0L);
    if (exp <= clock.instant().getEpochSecond()) {
      return Future.failedFuture(new TokenService.TokenRejected("identity token expired; get a new one", true));
    }
    String subject = principal.getString("sub", "");
    if (subject.isEmpty()) {
      return Future.failedFuture(new TokenService.TokenRejected("identity token has no subject", false));
    }
    String name = principal.getString("name", principal.getString("preferred_username", ""));
    return Future.succeededFuture(new Identity(oidc.issuer(), subject, name));
  }

  private static <T> Future<T> rejected(Throwable cause) {
    return cause instanceof JwksUnavailable ? Future.failedFuture(cause)
        : Future.failedFuture(new TokenService.TokenRejected("identity token is not valid: not signed by the provider,"
            + " or for another issuer or audience", false));
  }

  private Future<JWTAuth> keys() {
    Future<JWTAuth> current = keys;
    if (current == null || current.failed()) {
      current = fetch();
    }
    return current;
  }

  /** The keys fetched again when the last fetch is old enough, else the ones {@code used}. */
  private Future<JWTAuth> refreshedAfter(JWTAuth used) {
    return nanoTime.getAsLong() - fetchedAt < REFRESH_NANOS ? Future.succeededFuture(used) : fetch();
  }

  private synchronized Future<JWTAuth> fetch() {
    fetchedAt = nanoTime.getAsLong();
    Future<JWTAuth> fetched = http.request(new RequestOptions().setMethod(HttpMethod.GET)
            .setAbsoluteURI(oidc.jwksUrl()).setTimeout(FETCH_TIMEOUT_MS))
        .compose(request -> request.send())
        .compose(response -> response.statusCode() == 200 ? response.body()
            : Future.failedFuture("the provider's JWKS answered HTTP " + response.statusCode()))
        .map(body -> JWTAuth.create(vertx, options(body.toJsonObject())))
        .recover(cause -> Future.failedFuture(new JwksUnavailable(cause)));
    keys = fetched;
    return fetched;
  }

  private JWTAuthOptions options(JsonObject jwks) {
    List<JsonObject> signing = new ArrayList<>();
    JsonArray all = jwks.getJsonArray("keys", new JsonArray());
    for (int i = 0; i < all.size(); i++) {
      JsonObject key = all.getJsonObject(i);
      if (!"enc".equals(key.getString("use"))) {
        signing.add(key);
      }
    }
    return new JWTAuthOptions().setJwks(signing).setJWTOptions(new JWTOptions()
        .setIssuer(oidc.issuer()).setAudience(List.of(oidc.audience())).setIgnoreExpiration(true));
  }

  /** The provider's keys could not be fetched: the login is not refused, it cannot be checked now. */
  static final class JwksUnavailable extends RuntimeException {
    JwksUnavailable(Throwable cause) {
      super("cannot fetch the identity provider's keys: " + cause.getMessage(), cause);
    }
  }
}
