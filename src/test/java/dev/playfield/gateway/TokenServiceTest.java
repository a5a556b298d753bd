package dev.playfield.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenServiceTest {


  private static final String SECRET = "test-secret-test-secret-test-secret-0123";
  private static final String OTHER_SECRET = "another-secret-another-secret-another-99";
  private static final int ONE_DAY = 86_400;
  private static final Clock NOW = Clock.fixed(Instant.now(), ZoneOffset.UTC);

  private static Vertx vertx;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  /**
   * Regression: verify read {@code exp} from the principal, where vertx-auth-jwt 5 no longer puts it, so
   * every valid token was rejected as expired.
   */
  @Test
  void anIssuedTokenVerifiesToThePlayerItWasIssuedFor() throws Exception {
    String token = new TokenService(vertx, SECRET, ONE_DAY, NOW).issue("player-42", "Ann");

    // A second instance with the same secret: another node of the cluster, or this one after a restart.
    TokenService.Claims claims = result(new TokenService(vertx, SECRET, ONE_DAY, NOW).verify(token));

    assertThat(claims).isEqualTo(new TokenService.Claims("player-42", "Ann"));
  }

  @Test
  void aTokenSignedWithAnotherSecretIsRejectedAsInvalidNotExpired() {
    String forged = new TokenService(vertx, OTHER_SECRET, ONE_DAY, NOW).issue("player-42", "Ann");

    TokenService.TokenRejected rejected = rejection(new TokenService(vertx, SECRET, ONE_DAY, NOW).verify(forged));

    assertThat(rejected.expired()).isFalse();
  }

  @Test
  void aStringThatIsNotATokenIsRejectedAsInvalidNotExpired() {
    TokenService tokens = new TokenService(vertx, SECRET, ONE_DAY, NOW);

    assertThat(rejection(tokens.verify("not.a.jwt")).expired()).isFalse();
    assertThat(rejection(tokens.verify("")).expired()).isFalse();
  }

  @Test
  void aTokenWithATamperedPayloadIsRejected() {
    TokenService tokens = new TokenService(vertx, SECRET, ONE_DAY, NOW);
    String[] parts = tokens.issue("player-42", "Ann").split("\\.");
    String otherPayload = tokens.issue("player-43", "Eve").split("\\.")[1];

    String tampered = parts[0] + "." + otherPayload + "." + parts[2];

    assertThat(rejection(tokens.verify(tampered)).expired()).isFalse();
  }

  @Test
  void aTokenPastItsTimeToLiveIsRejectedAsExpired() {
    Clock twoDaysAgo = Clock.offset(NOW, Duration.ofDays(-2));
    String old = new TokenService(vertx, SECRET, ONE_DAY, twoDaysAgo).issue("player-42", "Ann");

    TokenService.TokenRejected rejected = rejection(new TokenService(vertx, SECRET, ONE_DAY, NOW).verify(old));

    assertThat(rejected.expired()).isTrue();
  }

  @Test
  void aTokenIsStillValidOneSecondBeforeItsTimeToLiveIsUp() throws Exception {
    String token = new TokenService(vertx, SECRET, 60, NOW).issue("player-42", "Ann");

    TokenService oneSecondBefore = new TokenService(vertx, SECRET, 60, Clock.offset(NOW, Duration.ofSeconds(59)));

    assertThat(result(oneSecondBefore.verify(token)).playerId()).isEqualTo("player-42");
  }

  @Test
  void aTokenExpiresExactlyWhenItsTimeToLiveIsUp() {
    String token = new TokenService(vertx, SECRET, 60, NOW).issue("player-42", "Ann");

    TokenService atExpiry = new TokenService(vertx, SECRET, 60, Clock.offset(NOW, Duration.ofSeconds(60)));

    assertThat(rejection(atExpiry.verify(token)).expired()).isTrue();
  }

  @Test
  void expiryFollowsTheInjectedClockNotTheMachineClock() throws Exception {
    // A node whose clock is a week ahead still accepts the tokens it issued itself.
    Clock aWeekAhead = Clock.offset(NOW, Duration.ofDays(7));
    TokenService tokens = new TokenService(vertx, SECRET, ONE_DAY, aWeekAhead);

    assertThat(result(tokens.verify(tokens.issue("player-42", "Ann"))).playerId()).isEqualTo("player-42");
  }

  private static <T> T result(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private static TokenService.TokenRejected rejection(Future<?> future) {
    try {
      Object value = result(future);
      throw new AssertionError("expected the token to be rejected, but it verified to " + value);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(TokenService.TokenRejected.class);
      return (TokenService.TokenRejected) e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
