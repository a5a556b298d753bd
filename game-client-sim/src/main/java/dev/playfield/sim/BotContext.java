package dev.playfield.sim;

import io.vertx.core.http.WebSocketClient;

/** What every bot of a run shares: the client, the encoding, the counters and the settings. */
record BotContext(WebSocketClient client, ClientWire wire, Metrics metrics, SimSettings settings,
    long inputPeriodNanos, long pingPeriodNanos) {
}
