package dev.playfield.sim;

import java.time.Duration;
import java.util.List;

/**
 * What one simulation run does.
 *
 * @param urls WebSocket URLs of the nodes; bot {@code i} uses {@code urls[i % size]}
 * @param bots how many bots to run at once
 * @param rampPerSecond bots started per second until all run
 * @param duration how long the run lasts from the first bot's start
 * @param warmup the first part of the run whose latencies and traffic are left out of the report
 * @param mode the queue the bots join
 * @param behavior how the bots play, one of the game's behaviours as its bots spell it
 * @param inputRate how often per second a bot is asked for an input while its match runs
 * @param pingInterval how often a connected bot pings
 * @param churnPerMinute bots per minute that drop their connection and come back with their token
 * @param eventLoops Vert.x event loops of the simulator
 * @param transport {@code auto}, {@code io_uring}, {@code epoll} or {@code nio}
 */
record SimSettings(
    List<String> urls,
    int bots,
    double rampPerSecond,
    Duration duration,
    Duration warmup,
    Encoding encoding,
    String mode,
    String behavior,
    double inputRate,
    Duration pingInterval,
    double churnPerMinute,
    long seed,
    int eventLoops,
    String transport,
    boolean quiet) {

  SimSettings {
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("at least one --url");
    }
    for (String url : urls) {
      if (!url.startsWith("ws://") && !url.startsWith("wss://")) {
        throw new IllegalArgumentException("--url must be a ws:// or wss:// URL, got " + url);
      }
    }
    if (bots < 1 || rampPerSecond <= 0 || inputRate <= 0 || eventLoops < 1 || churnPerMinute < 0) {
      throw new IllegalArgumentException("--bots, --ramp, --input-rate and --event-loops must be positive, --churn not negative");
    }
    if (duration.isNegative() || duration.isZero() || warmup.isNegative() || warmup.compareTo(duration) >= 0) {
      throw new IllegalArgumentException("--duration must be positive and longer than --warmup");
    }
    urls = List.copyOf(urls);
  }
}
