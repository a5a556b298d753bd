package dev.playfield.gateway;

import static dev.playfield.gateway.LoginRefusals.account;
import static dev.playfield.gateway.LoginRefusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.PlayfieldNode;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.Error;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.Ping;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.support.TestClient;
import dev.playfield.support.TestNode;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Floods of login attempts on a real node: an account under attack is locked out, so is a flooding
 * address, and everyone else logs in and plays as before. Production's hash cost, so a refused
 * attempt that hashed would show.
 */
@ExtendWith(VertxExtension.class)
class LoginFloodTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String PASSWORD = "correct horse battery";

  /** Ten attempts at once (one per attacker), a bystander's ping answered meanwhile; the rate refusals. */
  private static int round(List<TestClient> attackers, TestClient bystander, int round) {
    for (int i = 0; i < attackers.size(); i++) {
      attackers.get(i).send(ClientMessage.newBuilder().setLogin(account("user-" + round + "-" + i, "some password")));
    }
    bystander.send(ClientMessage.newBuilder().setPing(Ping.newBuilder().setClientTime(round)));
    bystander.await(ServerMessage::hasPong, Duration.ofSeconds(2));
    int refused = 0;
    for (TestClient attacker : attackers) {
      Error error = attacker.await(ServerMessage::hasError, WAIT).getError();
      refused += error.getCode() == ErrorCode.TOO_MANY_ATTEMPTS ? 1 : 0;
    }
    return refused;
  }

  private static long timeOneHash() {
    PasswordHasher hasher = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS);
    hasher.hash("warm-up password");
    long started = System.nanoTime();
    hasher.hash("timed password");
    return System.nanoTime() - started;
  }

  @Test
  void anAccountIsLockedOutAfterItsAttemptsAndOtherAccountsAreNot(Vertx vertx) {
    PlayfieldNode node = TestNode.start(vertx, c -> c
        .with("auth.login-attempts-per-account", 3)
        .with("auth.login-attempts-per-address", 1000));
    try (TestClient setup = TestClient.connect(vertx, node.httpPort(), false)) {
      setup.login(account("ann", PASSWORD).setCreateAccount(true));
    }
    try (TestClient setup = TestClient.connect(vertx, node.httpPort(), false)) {
      setup.login(account("bob", PASSWORD).setCreateAccount(true));
    }

    try (TestClient attacker = TestClient.connect(vertx, node.httpPort(), false)) {
      for (int i = 0; i < 3; i++) {
        assertThat(refusal(attacker, account("ann", "guess number " + i)).getCode())
            .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
      }
      Error locked = refusal(attacker, account("ann", PASSWORD));
      assertThat(locked.getCode()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
      assertThat(locked.getMessage()).matches("too many login attempts; try again in \\d+ s");
    }
    try (TestClient ann = TestClient.connect(vertx, node.httpPort(), false)) {
      // Locked for the account, whichever connection asks: even the right password waits.
      assertThat(refusal(ann, account("ANN", PASSWORD)).getCode()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
    }
    try (TestClient bob = TestClient.connect(vertx, node.httpPort(), false)) {
      assertThat(bob.login(account("bob", PASSWORD)).getName()).isEqualTo("bob");
    }
  }

  @Test
  void aFloodingAddressIsRefusedQuicklyWhileGuestsAndPingsGoOn(Vertx vertx) {
    PlayfieldNode node = TestNode.start(vertx, c -> c
        .with("auth.login-attempts-per-account", 1000)
        .with("auth.login-attempts-per-address", 5));
    List<TestClient> attackers = new ArrayList<>();
    try (TestClient bystander = TestClient.connect(vertx, node.httpPort(), true)) {
      bystander.login("bystander");
      for (int i = 0; i < 10; i++) {
        attackers.add(TestClient.connect(vertx, node.httpPort(), false));
      }
      // Round 0 spends the address's 5 attempts (each checked against a hash); rounds 1 to 9 are
      // 90 attempts past the limit, timed against what one hash costs on this machine.
      int refusedForRate = round(attackers, bystander, 0);
      long floodStarted = System.nanoTime();
      for (int round = 1; round < 10; round++) {
        refusedForRate += round(attackers, bystander, round);
      }
      long floodNanos = System.nanoTime() - floodStarted;
      long oneHashNanos = timeOneHash();

      assertThat(refusedForRate).isEqualTo(95);
      // Hashed, 90 attempts would cost 90 hashes spread over the cores; refused, almost nothing.
      assertThat(floodNanos).as("90 refusals (one hash takes %d ms)", oneHashNanos / 1_000_000)
          .isLessThan(10 * oneHashNanos);
      try (TestClient guest = TestClient.connect(vertx, node.httpPort(), false)) {
        assertThat(guest.login("a guest").getName()).isEqualTo("a guest");
      }
    } finally {
      attackers.forEach(TestClient::close);
    }
  }
}
