package dev.playfield.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The attempt buckets on a clock the test steps. */
class LoginAttemptsTest {

  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong(42 * SECOND);
  private final LoginAttempts attempts = new LoginAttempts(new LoginAttempts.Limits(3, 10, 60), now::get);

  @Test
  void anAccountGetsItsAttemptsThenWaitsForTheRefill() {
    for (int i = 0; i < 3; i++) {
      assertThat(attempts.tryAttempt("ann", "10.0.0." + i)).isZero();
    }
    // Three per minute: one more every 20 s.
    assertThat(attempts.tryAttempt("ann", "10.0.0.9")).isEqualTo(20);
    now.addAndGet(15 * SECOND);
    assertThat(attempts.tryAttempt("ann", "10.0.0.9")).isEqualTo(5);
    now.addAndGet(5 * SECOND);
    assertThat(attempts.tryAttempt("ann", "10.0.0.9")).isZero();
    assertThat(attempts.tryAttempt("bob", "10.0.0.9")).as("another account").isZero();
  }

  @Test
  void anAddressGetsItsAttemptsWhateverTheAccounts() {
    for (int i = 0; i < 10; i++) {
      assertThat(attempts.tryAttempt("user-" + i, "10.0.0.1")).isZero();
    }
    assertThat(attempts.tryAttempt("user-new", "10.0.0.1")).isPositive();
    assertThat(attempts.tryAttempt("user-new", "10.0.0.2")).as("another address").isZero();
    // Identity logins have no account; the address still counts.
    assertThat(attempts.tryAttempt("", "10.0.0.1")).isPositive();
  }

  @Test
  void aRefusedAttemptTakesNothingAndASuccessRefillsTheAccount() {
    for (int i = 0; i < 3; i++) {
      attempts.tryAttempt("ann", "10.0.0.1");
    }
    for (int i = 0; i < 20; i++) {
      assertThat(attempts.tryAttempt("ann", "10.0.0.1")).isPositive();
    }
    // The refused ones took nothing from the address: seven of its ten are left.
    for (int i = 0; i < 7; i++) {
      assertThat(attempts.tryAttempt("other-" + i, "10.0.0.1")).isZero();
    }
    assertThat(attempts.tryAttempt("other-8", "10.0.0.1")).isPositive();
    attempts.succeeded("ann");
    assertThat(attempts.tryAttempt("ann", "10.0.0.2")).isZero();
  }
}
