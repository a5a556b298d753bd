package dev.playfield.gateway;

import dev.playfield.limits.TokenBuckets;
import java.util.function.LongSupplier;

/**
 * Rate limits on password and identity logins, per account (a username) and per address: each
 * attempt takes one from both buckets, and one that finds either empty is refused before any
 * password is hashed or token checked, so a flood costs the node almost nothing and slows no
 * other account or address. A successful login refills its account's bucket. Counts are per
 * node; a client spreading a flood over a cluster's nodes gets up to one allowance per node.
 * Thread-safe (sessions on every event loop share it); each call is a few map operations.
 */
final class LoginAttempts {

  /** Buckets kept per kind before the least recently used is dropped. */
  static final int MAX_KEYS = 50_000;

  /** The limits: attempts at once per account and per address, refilled over {@code windowSeconds}. */
  record Limits(int perAccount, int perAddress, int windowSeconds) {}

  private final TokenBuckets accounts;
  private final TokenBuckets addresses;

  LoginAttempts(Limits limits, LongSupplier nanoTime) {
    double window = limits.windowSeconds();
    this.accounts = new TokenBuckets(limits.perAccount(), limits.perAccount() / window, MAX_KEYS, nanoTime);
    this.addresses = new TokenBuckets(limits.perAddress(), limits.perAddress() / window, MAX_KEYS, nanoTime);
  }

  /**
   * Takes an attempt for {@code account} (empty for none, as for identity tokens) from
   * {@code address}; answers 0 when it may go ahead, else the whole seconds to wait (and takes nothing).
   */
  synchronized long tryAttempt(String account, String address) {
    long wait = Math.max(account.isEmpty() ? 0 : accounts.waitNanos(account), addresses.waitNanos(address));
    if (wait > 0) {
      return Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
    }
    if (!account.isEmpty()) {
      accounts.take(account);
    }
    addresses.take(address);
    return 0;
  }

  /** The account logged in: its earlier failures no longer count against it. */
  synchronized void succeeded(String account) {
    accounts.reset(account);
  }
}
