package dev.playfield.sim;

import io.vertx.core.http.WebSocketClient;

/** What every bot of a run shares: the client, the encoding, the counters, the settings and the game. */
record BotContext(WebSocketClient client, ClientWire wire, Metrics metrics, SimSettings settings,
    PlayableGame game, long inputPeriodNanos, long pingPeriodNanos) {
}
