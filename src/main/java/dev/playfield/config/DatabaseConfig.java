package dev.playfield.config;

/**
 * Where the node keeps players, ratings, matches and the event outbox (the {@code database}
 * section): PostgreSQL when {@code url} is set, else an embedded database in {@code embeddedDir}
 * (standalone only), or, when {@code inMemory} is asked for, a private in-memory database that
 * forgets everything when the node stops.
 *
 * @param url {@code postgresql://user[:password]@host[:port]/database}; empty: no PostgreSQL
 * @param schema the schema the tables live in (created by the migration when missing); empty: the
 *     database's default ({@code public} on PostgreSQL)
 * @param inMemory keep the data in memory only; the one way to run a cluster without {@code url}
 * @param embeddedDir the folder of the embedded database of a standalone node without {@code url}
 * @param poolSize connections the node opens at most
 * @param poolWaitQueue store calls that may wait for a free connection; beyond it calls fail at once
 * @param connectTimeoutMs how long opening one connection may take
 * @param queryTimeoutMs how long one store call (with its transaction) may take before it fails
 * @param breakerMaxFailures failed store calls in a row that open the circuit breaker
 * @param breakerResetMs how long the open breaker fails calls at once before it lets one through
 */
public record DatabaseConfig(
    String url,
    String schema,
    boolean inMemory,
    String embeddedDir,
    int poolSize,
    int poolWaitQueue,
    int connectTimeoutMs,
    int queryTimeoutMs,
    int breakerMaxFailures,
    int breakerResetMs) {

  public boolean postgres() {
    return !url.isEmpty();
  }

  static DatabaseConfig from(Section database) {
    String url = database.string("url").strip();
    if (!url.isEmpty() && !url.startsWith("postgresql://") && !url.startsWith("postgres://")) {
      throw new IllegalArgumentException(database.name("url") + " (PLAYFIELD_DATABASE_URL): expected"
          + " postgresql://user@host:port/database, got '" + url.replaceAll(":[^:@/]*@", ":***@") + "'");
    }
    String schema = database.string("schema").strip();
    if (!schema.matches("[A-Za-z_][A-Za-z0-9_]{0,62}|")) {
      throw new IllegalArgumentException(database.name("schema") + ": letters, digits and _ only, got '" + schema + "'");
    }
    String embeddedDir = database.string("embedded-dir").strip();
    if (embeddedDir.isEmpty()) {
      throw new IllegalArgumentException(database.name("embedded-dir") + ": must name a folder");
    }
    return new DatabaseConfig(url, schema, database.bool("in-memory"), embeddedDir,
        database.intIn("pool-size", 1, 1_000),
        database.intIn("pool-wait-queue", 0, 1_000_000),
        database.intIn("connect-timeout-ms", 100, 600_000),
        database.intIn("query-timeout-ms", 100, 600_000),
        database.intIn("breaker-max-failures", 1, 1_000),
        database.intIn("breaker-reset-ms", 100, 3_600_000));
  }
}
