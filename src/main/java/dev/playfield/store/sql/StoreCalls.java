package dev.playfield.store.sql;

import dev.playfield.config.DatabaseConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.DatabaseException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * How every store call reaches the database: through one circuit breaker (a database that is down
 * gets no queue of calls, each waiting for its timeout: after a few failures calls fail at once
 * until a test call succeeds), with a time limit, timed per operation in
 * {@code playfield_store_call_seconds}, and retried when it lost a race with another writer.
 */
final class StoreCalls {

  /**
   * SQL states of a transaction that lost a race and may simply run again: a unique key taken by a
   * concurrent insert, a serialization failure, a deadlock (PostgreSQL's and H2's), H2's lock timeout.
   */
  private static final Set<String> RETRYABLE = Set.of("23505", "40001", "40P01", "HYT00");
  private static final int ATTEMPTS = 4;
  /** Latency buckets: from a cached lookup on a local database to a transaction near its timeout. */
  private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
      Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
      Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5)};

  private final CircuitBreaker breaker;
  private final MeterRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  StoreCalls(Vertx vertx, DatabaseConfig config, MeterRegistry registry) {
    this.registry = registry;
    this.breaker = CircuitBreaker.create("playfield-store", vertx, new CircuitBreakerOptions()
        .setMaxFailures(config.breakerMaxFailures())
        .setTimeout(config.queryTimeoutMs())
        .setResetTimeout(config.breakerResetMs()));
    Gauge.builder("playfield_store_breaker_open", breaker, b -> b.state() == CircuitBreakerState.OPEN ? 1 : 0)
        .description("1 while the store's circuit breaker fails calls at once (the database failed repeatedly)")
        .register(registry);
  }

  /** Runs {@code call} as {@code operation}; the future fails when the database does not answer in time. */
  <T> Future<T> run(String operation, Supplier<Future<T>> call) {
    long started = System.nanoTime();
    return breaker.<T>execute(() -> retried(call, ATTEMPTS))
        .andThen(done -> timer(operation, done.succeeded()).record(System.nanoTime() - started,
            java.util.concurrent.TimeUnit.NANOSECONDS));
  }

  private static <T> Future<T> retried(Supplier<Future<T>> call, int attemptsLeft) {
    return call.get().recover(cause -> attemptsLeft > 1 && retryable(cause)
        ? retried(call, attemptsLeft - 1) : Future.failedFuture(cause));
  }

  static boolean retryable(Throwable failure) {
    String state = sqlState(failure);
    return state != null && RETRYABLE.contains(state);
  }

  private static String sqlState(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof DatabaseException database && database.getSqlState() != null) {
        return database.getSqlState();
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }

  private Timer timer(String operation, boolean succeeded) {
    String outcome = succeeded ? "ok" : "failed";
    return timers.computeIfAbsent(operation + "/" + outcome, key -> Timer.builder("playfield_store_call_seconds")
        .description("Store calls by operation, from the call to its answer (queueing for a connection included)")
        .tag("operation", operation).tag("outcome", outcome)
        .serviceLevelObjectives(BUCKETS).register(registry));
  }
}
