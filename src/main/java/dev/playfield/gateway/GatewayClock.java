package dev.playfield.gateway;

import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * The gateway's time, injected so tests step it: {@code wall} for what is compared across nodes
 * or shown to clients (disconnection times, deadlines of retries, pong times), {@code nanoTime}
 * for durations on one node (rate limits, strike windows, slow readers).
 */
record GatewayClock(Clock wall, LongSupplier nanoTime) {

  static GatewayClock system() {
    return new GatewayClock(Clock.systemUTC(), System::nanoTime);
  }
}
