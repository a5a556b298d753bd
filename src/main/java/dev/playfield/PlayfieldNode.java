package dev.playfield;

import dev.playfield.arena.ArenaType;
import dev.playfield.cluster.LocalRatingStore;
import dev.playfield.cluster.RatingStore;
import dev.playfield.config.ModeConfig;
import dev.playfield.config.PlayfieldConfig;
import dev.playfield.game.GameCatalog;
import dev.playfield.game.GameType;
import dev.playfield.gateway.GatewayVerticle;
import dev.playfield.gateway.TokenService;
import dev.playfield.matchmaking.MatchmakerVerticle;
import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.EventBusCodecs;
import dev.playfield.protocol.JsonWire;
import dev.playfield.room.MatchResults;
import dev.playfield.room.RoomHostVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Playfield node on a Vert.x instance: wires the capabilities together and deploys their
 * verticles. Used by the launcher and by tests, so both start exactly the same thing.
 */
public final class PlayfieldNode {

  private static final Logger log = LoggerFactory.getLogger(PlayfieldNode.class);

  private final Vertx vertx;
  private final PlayfieldConfig config;
  private final String nodeId = UUID.randomUUID().toString();
  private GatewayVerticle gateway;

  public PlayfieldNode(Vertx vertx, PlayfieldConfig config) {
    this.vertx = vertx;
    this.config = config;
  }

  /** The games this build ships. */
  public static GameCatalog builtInGames() {
    return new GameCatalog(List.of(new ArenaType()));
  }

  public Future<PlayfieldNode> start() {
    GameCatalog games = builtInGames();
    Map<String, GameType> gameOfMode = new LinkedHashMap<>();
    for (ModeConfig mode : config.modes().values()) {
      gameOfMode.put(mode.name(), games.find(mode.game()).orElseThrow(() -> new IllegalArgumentException(
          "modes." + mode.name() + ".game: no game named '" + mode.game() + "'")));
    }
    EventBusCodecs.register(vertx.eventBus());
    RatingStore ratings = new LocalRatingStore(config.matchmaking().initialRating());
    TokenService tokens = new TokenService(vertx, tokenSecret(), config.auth().tokenTtlSeconds(), Clock.systemUTC());
    gateway = GatewayVerticle.create(vertx, config, ratings, gameOfMode,
        new JsonWire(games.messageTypes()), Addresses.gateway(nodeId), tokens);
    return vertx.deployVerticle(new RoomHostVerticle(config.modes(), gameOfMode,
            new MatchResults(ratings, config.matchmaking().kFactor())))
        .compose(id -> vertx.deployVerticle(new MatchmakerVerticle(config.modes(),
            config.matchmaking().intervalMs(), Clock.systemUTC())))
        .compose(id -> vertx.deployVerticle(gateway))
        .map(id -> {
          log.info("node {} ready: http port {}, modes {}", nodeId, gateway.actualPort(), config.modes().keySet());
          return this;
        });
  }

  /** The HTTP port the node serves on. */
  public int httpPort() {
    return gateway.actualPort();
  }

  private String tokenSecret() {
    String secret = config.auth().tokenSecret();
    if (!secret.isEmpty()) {
      return secret;
    }
    log.warn("auth.token-secret is not set: using a random one, so session tokens end with this process");
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return Base64.getEncoder().encodeToString(random);
  }
}
