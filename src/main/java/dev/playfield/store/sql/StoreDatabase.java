package dev.playfield.store.sql;

import dev.playfield.config.DatabaseConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database behind the store, migrated and pooled: PostgreSQL through the reactive client, or
 * H2 (a file in the embedded folder, or memory) through the JDBC client on worker threads. The
 * same SQL runs on both; statements are written with {@code ?} placeholders and numbered for
 * PostgreSQL by {@link #sql}.
 */
final class StoreDatabase {

  private static final Logger log = LoggerFactory.getLogger(StoreDatabase.class);
  /** PostgreSQL's behaviour where H2 would differ: lower-case names, NULLs sorted as PostgreSQL does. */
  private static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
      + ";LOCK_TIMEOUT=10000";

  final Pool pool;
  private final boolean numberedPlaceholders;
  private final boolean inMemory;
  final String description;

  private StoreDatabase(Pool pool, boolean numberedPlaceholders, boolean inMemory, String description) {
    this.pool = pool;
    this.numberedPlaceholders = numberedPlaceholders;
    this.inMemory = inMemory;
    this.description = description;
  }

  /**
   * Migrates the schema (on a worker thread: Flyway speaks blocking JDBC), then opens the pool.
   * {@code memoryName} names the in-memory database when the configuration asks for one.
   */
  static Future<StoreDatabase> open(Vertx vertx, DatabaseConfig config, String memoryName) {
    Target target = Target.of(config, memoryName);
    return vertx.executeBlocking(() -> {
      migrate(target, config.schema());
      return null;
    }).map(v -> {
      PoolOptions pool = new PoolOptions().setMaxSize(config.poolSize()).setMaxWaitQueueSize(config.poolWaitQueue())
          .setConnectionTimeout(config.connectTimeoutMs()).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
          .setName("playfield-store");
      if (target.postgres() != null) {
        return new StoreDatabase(PgBuilder.pool().with(pool)
            .with(new NetClientOptions().setConnectTimeout(config.connectTimeoutMs()))
            .connectingTo(target.postgres()).using(vertx).build(), true, false, target.description());
      }
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(target.jdbcUrl());
      h2.setUser(target.user());
      h2.setPassword(target.password());
      return new StoreDatabase(JDBCPool.pool(vertx, h2, pool), false, !config.postgres() && config.inMemory(),
          target.description());
    });
  }

  /** The statement for this database: {@code ?} placeholders become {@code $1, $2, ...} on PostgreSQL. */
  String sql(String statement) {
    if (!numberedPlaceholders) {
      return statement;
    }
    StringBuilder numbered = new StringBuilder(statement.length() + 16);
    int next = 1;
    for (int i = 0; i < statement.length(); i++) {
      char c = statement.charAt(i);
      if (c == '?') {
        numbered.append('$').append(next++);
      } else {
        numbered.append(c);
      }
    }
    return numbered.toString();
  }

  Future<Void> close() {
    // An in-memory H2 database outlives its connections (it must survive the migration's own
    // connection closing): shut it down, or every node a test process starts leaves one behind.
    Future<Void> shutdown = inMemory
        ? pool.query("SHUTDOWN").execute().<Void>mapEmpty().recover(cause -> Future.succeededFuture())
        : Future.succeededFuture();
    return shutdown.eventually(pool::close);
  }

  private static void migrate(Target target, String schema) {
    var flyway = Flyway.configure(StoreDatabase.class.getClassLoader())
        .dataSource(target.jdbcUrl(), target.user(), target.password())
        .locations("classpath:db/migration")
        .connectRetries(0);
    if (!schema.isEmpty()) {
      flyway.schemas(schema);
    }
    var result = flyway.load().migrate();
    log.info("store on {}: schema at version {} ({} migrations applied now)", target.description(),
        result.targetSchemaVersion == null ? "unchanged" : result.targetSchemaVersion, result.migrationsExecuted);
  }

  /** Where the data lives, as the reactive client and as JDBC (for Flyway, and H2's pool) reach it. */
  private record Target(PgConnectOptions postgres, String jdbcUrl, String user, String password, String description) {

    static Target of(DatabaseConfig config, String memoryName) {
      if (config.postgres()) {
        PgConnectOptions options = PgConnectOptions.fromUri(config.url()).setCachePreparedStatements(true);
        if (!config.schema().isEmpty()) {
          options.addProperty("search_path", config.schema());
        }
        String jdbc = "jdbc:postgresql://" + options.getHost() + ":" + options.getPort() + "/" + options.getDatabase();
        return new Target(options, jdbc, options.getUser(), options.getPassword(),
            "PostgreSQL " + options.getHost() + ":" + options.getPort() + "/" + options.getDatabase()
                + (config.schema().isEmpty() ? "" : " schema " + config.schema()));
      }
      if (config.inMemory()) {
        return new Target(null, "jdbc:h2:mem:" + memoryName + ";DB_CLOSE_DELAY=-1" + H2_SETTINGS, "sa", "",
            "memory (forgotten when the node stops)");
      }
      Path dir = Path.of(config.embeddedDir()).toAbsolutePath().normalize();
      try {
        Files.createDirectories(dir);
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException("database.embedded-dir: cannot create " + dir + ": " + e.getMessage(), e);
      }
      return new Target(null, "jdbc:h2:file:" + dir.resolve("playfield") + H2_SETTINGS, "sa", "",
          "the embedded database in " + dir);
    }
  }
}
