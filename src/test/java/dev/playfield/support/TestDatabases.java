package dev.playfield.support;

import dev.playfield.config.DatabaseConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases tests run the store on: the development PostgreSQL (127.0.0.1:5432, trust
 * authentication, database {@code test}; each test in a schema of its own, dropped after), and the
 * embedded H2 in a temporary folder. Without PostgreSQL its tests are skipped, unless {@code CI} is
 * set: there they fail, so a missing database never passes unnoticed.
 */
public final class TestDatabases {

  public static final String POSTGRES_URL = System.getProperty("playfield.test.postgres",
      "postgresql://postgres@127.0.0.1:5432/test");
  private static final String JDBC_URL = "jdbc:" + POSTGRES_URL.replaceFirst("postgres(ql)?://[^@]*@", "postgresql://");
  private static final String USER = POSTGRES_URL.replaceFirst("^postgres(ql)?://([^@:]*).*$", "$2");

  private TestDatabases() {}

  /** Skips the test when PostgreSQL does not answer (fails it instead under CI). */
  public static void requirePostgres() {
    String problem = postgresProblem();
    if (problem != null && System.getenv("CI") != null) {
      throw new AssertionError("PostgreSQL is needed under CI and does not answer at " + POSTGRES_URL + ": " + problem);
    }
    Assumptions.assumeTrue(problem == null, () -> "PostgreSQL does not answer at " + POSTGRES_URL + ": " + problem);
  }

  private static String postgresProblem() {
    DriverManager.setLoginTimeout(3);
    try (Connection ignored = DriverManager.getConnection(JDBC_URL, USER, "")) {
      return null;
    } catch (SQLException e) {
      return e.getMessage();
    }
  }

  /** A schema name no other test uses; the store's migration creates it. */
  public static String freshSchema() {
    return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
  }

  public static void dropSchema(String schema) {
    try (Connection connection = DriverManager.getConnection(JDBC_URL, USER, "");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop schema " + schema, e);
    }
  }

  /** Runs one statement in {@code schema} (to look at rows, or to break things on purpose). */
  public static long count(String schema, String query) {
    try (Connection connection = DriverManager.getConnection(JDBC_URL, USER, "");
        Statement statement = connection.createStatement()) {
      statement.execute("SET search_path TO " + schema);
      try (var rows = statement.executeQuery(query)) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(query, e);
    }
  }

  public static DatabaseConfig postgres(String schema) {
    return new DatabaseConfig(POSTGRES_URL, schema, false, "unused", 4, 1000, 2000, 5000, 5, 1000);
  }

  public static DatabaseConfig embedded(Path dir) {
    return new DatabaseConfig("", "", false, dir.toString(), 4, 1000, 2000, 5000, 5, 1000);
  }

  public static DatabaseConfig inMemory() {
    return new DatabaseConfig("", "", true, "unused", 4, 1000, 2000, 5000, 5, 1000);
  }
}
