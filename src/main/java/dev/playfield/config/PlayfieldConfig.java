package dev.playfield.config;

import dev.playfield.plugin.GameCatalog;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The node's configuration, read once at start and immutable after. Built from the layered JSON
 * that {@link ConfigLoader} produces; a missing or wrong value fails the start with the key's name.
 */
public record PlayfieldConfig(
    JsonObject raw,
    int httpPort,
    String httpHost,
    AuthConfig auth,
    GatewayConfig gateway,
    MatchmakingConfig matchmaking,
    Map<String, ModeConfig> modes,
    ClusterConfig cluster,
    NodeConfig node,
    AdminConfig admin,
    LogConfig log,
    EventsConfig events,
    DatabaseConfig database,
    GameCatalog games) {

  /** How this node joins a cluster; {@code enabled} false means standalone. */
  public record ClusterConfig(
      boolean enabled,
      String name,
      String host,
      int port,
      List<String> members,
      int eventBusPort,
      String publicHost,
      String configFile) {}

  public record NodeConfig(int maxRooms, int drainTimeoutSeconds, int loadIntervalMs,
      int reconnectGraceSeconds, int replicateEveryTicks, int eventLoops) {

    /** Event-loop threads to run: as configured, or one per core the process may use. */
    public int eventLoopThreads() {
      return eventLoops > 0 ? eventLoops : Runtime.getRuntime().availableProcessors();
    }
  }


  /** The admin API's bearer token; empty disables the admin API. */
  public record AdminConfig(String token) {
    public boolean enabled() {
      return !token.isEmpty();
    }
  }

  /** The root log level and the log line format ({@code text} or {@code json}). */
  public record LogConfig(String level, String format) {}

  /** @param tokenSecret empty (a random one per process) or at least {@link #MIN_SECRET_LENGTH} characters */
  public record AuthConfig(String tokenSecret, int tokenTtlSeconds, AccountsConfig accounts) {
    /** The shortest token secret accepted: 32 characters, 256 bits of HMAC key when they are random bytes in Base64. */
    public static final int MIN_SECRET_LENGTH = 32;

    static AuthConfig from(Section auth) {
      String secret = auth.string("token-secret");
      if (!secret.isEmpty() && secret.length() < MIN_SECRET_LENGTH) {
        throw new IllegalArgumentException(auth.name("token-secret") + " (PLAYFIELD_AUTH_TOKEN_SECRET): must be at least "
            + MIN_SECRET_LENGTH + " characters, got " + secret.length());
      }
      return new AuthConfig(secret, auth.intIn("token-ttl-seconds", 1, Integer.MAX_VALUE), AccountsConfig.from(auth));
    }
  }

  public record GatewayConfig(
      int maxFrameBytes,
      int messagesPerSecond,
      int messageBurst,
      int maxStrikes,
      int strikeWindowSeconds,
      int maxNameLength,
      int slowReaderSeconds,
      int writeQueueBytes,
      int sendBufferBytes,
      int handshakeTimeoutMs,
      int maxConnections,
      int maxConnectionsPerAddress) {}

  public record MatchmakingConfig(int intervalMs, int maxMatchesPerPass, int initialRating, int kFactor) {}

  /** A configuration of the built-in games only (tests and tools). */
  public static PlayfieldConfig from(JsonObject json) {
    return from(json, GameCatalog.builtIn());
  }

  public static PlayfieldConfig from(JsonObject json, GameCatalog games) {
    json = GameModes.complete(json, games);
    Section root = new Section("", json);
    Section http = root.section("http");
    Section auth = root.section("auth");
    Section gateway = root.section("gateway");
    Section matchmaking = root.section("matchmaking");
    Section modes = root.section("modes");
    Section node = root.section("node");
    Section admin = root.section("admin");
    Section log = root.section("log");
    Map<String, ModeConfig> modeConfigs = new LinkedHashMap<>();
    for (String name : modes.json().fieldNames()) {
      // The game first: a mode of a missing game lacks the keys that game would have given it.
      String game = modes.section(name).string("game");
      if (games.find(game).isEmpty()) {
        throw new IllegalArgumentException("modes." + name + ".game: no game named '" + game
            + "' (games loaded: " + games.describe() + ")");
      }
      modeConfigs.put(name, ModeConfig.from(name, modes.section(name)));
    }
    if (modeConfigs.isEmpty()) {
      throw new IllegalArgumentException("modes: at least one game mode must be configured");
    }
    return new PlayfieldConfig(
        json,
        http.intIn("port", 0, 65535),
        http.string("host"),
        AuthConfig.from(auth),
        new GatewayConfig(
            gateway.intIn("max-frame-bytes", 64, 1 << 20),
            gateway.intIn("messages-per-second", 1, 100_000),
            gateway.intIn("message-burst", 1, 1_000_000),
            gateway.intIn("max-strikes", 1, 1_000_000),
            gateway.intIn("strike-window-seconds", 1, 3600),
            gateway.intIn("max-name-length", 1, 256),
            gateway.intIn("slow-reader-seconds", 1, 3600),
            gateway.intIn("write-queue-bytes", 1024, 64 << 20),
            gateway.intIn("send-buffer-bytes", 0, 64 << 20),
            gateway.intIn("handshake-timeout-ms", 100, 600_000),
            gateway.intIn("max-connections", 0, 10_000_000),
            gateway.intIn("max-connections-per-address", 0, 10_000_000)),
        new MatchmakingConfig(
            matchmaking.intIn("interval-ms", 1, 60_000),
            matchmaking.intIn("max-matches-per-pass", 1, 1_000_000),
            matchmaking.intIn("initial-rating", 0, 100_000),
            matchmaking.intIn("k-factor", 0, 1000)),
        java.util.Collections.unmodifiableMap(modeConfigs),
        new ClusterConfig(
            root.bool("cluster"),
            root.string("cluster-name"),
            root.string("cluster-host"),
            root.intIn("cluster-port", 1, 65535),
            root.strings("cluster-members"),
            root.intIn("eventbus-port", 0, 65535),
            root.string("public-host"),
            root.string("cluster-config")),
        new NodeConfig(
            node.intIn("max-rooms", 1, 1_000_000),
            node.intIn("drain-timeout-seconds", 0, 86_400),
            node.intIn("load-interval-ms", 50, 60_000),
            node.intIn("reconnect-grace-seconds", 0, 3600),
            node.intIn("replicate-every-ticks", 1, 10_000),
            node.intIn("event-loops", 0, 1024)),

        new AdminConfig(adminToken(admin.string("token"))),
        new LogConfig(log.oneOf("level", "TRACE", "DEBUG", "INFO", "WARN", "ERROR"),
            log.oneOf("format", "text", "json")),
        EventsConfig.from(root.section("events")),
        databaseOf(root),
        games);
  }

  /** A clustered node shares its players with the others: only a database, or an explicit in-memory choice, does. */
  private static DatabaseConfig databaseOf(Section root) {
    DatabaseConfig database = DatabaseConfig.from(root.section("database"));
    if (root.bool("cluster") && !database.postgres() && !database.inMemory()) {
      throw new IllegalArgumentException("database.url (PLAYFIELD_DATABASE_URL) must be set in a cluster: every node"
          + " must read and write the same players; set database.in-memory (PLAYFIELD_DATABASE_IN_MEMORY=true)"
          + " to run without one, each node then keeping its own ratings until it stops");
    }
    return database;
  }

  private static String adminToken(String token) {
    if (!token.isEmpty() && token.strip().length() < 16) {
      throw new IllegalArgumentException("admin.token: must be at least 16 characters (or empty to disable the admin API)");
    }
    return token.strip();
  }

  /** A copy with {@code value} set at the dotted {@code path}; for tests and tools. */
  public PlayfieldConfig with(String path, Object value) {
    JsonObject copy = raw.copy();
    String[] keys = path.split("\\.");
    JsonObject node = copy;
    for (int i = 0; i < keys.length - 1; i++) {
      node = node.getJsonObject(keys[i]);
    }
    node.put(keys[keys.length - 1], value);
    return from(copy, games);
  }
}
