package dev.playfield.config;

import java.util.Map;

/** One game mode: which game it plays, how its queue forms matches and how its rooms tick. */
public record ModeConfig(
    String name,
    String game,
    QueueSettings queue,
    int tickRate,
    int stateEveryTicks,
    int maxInputsPerTick,
    int inputQueueSize,
    int countdownMs,
    Map<String, Object> settings) {

  static ModeConfig from(String name, Section mode) {
    return new ModeConfig(
        name,
        mode.string("game"),
        QueueSettings.from(mode),
        mode.intIn("tick-rate", 1, 240),
        mode.intIn("state-every-ticks", 1, 240),
        mode.intIn("max-inputs-per-tick", 1, 1000),
        mode.intIn("input-queue-size", 1, 10_000),
        mode.intIn("countdown-ms", 0, 600_000),
        Map.copyOf(mode.map("settings")));
  }

  /** Milliseconds between two ticks. */
  public double tickPeriodMs() {
    return 1000.0 / tickRate;
  }
}
