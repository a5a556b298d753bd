package dev.playfield.gateway;

import dev.playfield.node.LocalLoad;
import dev.playfield.cluster.RatingStore;
import dev.playfield.cluster.ResumeStore;
import dev.playfield.cluster.SessionDirectory;
import dev.playfield.config.PlayfieldConfig.GatewayConfig;
import dev.playfield.game.GameType;
import dev.playfield.protocol.JsonWire;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import java.util.Map;
import java.util.function.LongSupplier;

/** What every session of a gateway node shares. */
record GatewayServices(
    Vertx vertx,
    EventBus bus,
    String address,
    TokenService tokens,
    RatingStore ratings,
    SessionDirectory directory,
    ResumeStore resumes,
    LocalLoad load,
    SessionRegistry registry,
    GatewayConfig limits,
    Map<String, GameType> gameOfMode,
    JsonWire json,
    LongSupplier nanoTime,
    long reconnectGraceMs,
    long tokenTtlMs) {}
