package dev.playfield.store.sql;

import dev.playfield.config.DatabaseConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;

/**
 * Holds the node's store for as long as Vert.x runs: opens it (migrating the schema) when deployed
 * and closes it when undeployed, which closing Vert.x does, so a node's connections and in-memory
 * database go with it however it stops.
 */
public final class StoreVerticle extends VerticleBase {

  private final DatabaseConfig config;
  private final String memoryName;
  private final int initialRating;
  private final MeterRegistry registry;
  private SqlPlayerStore store;

  public StoreVerticle(DatabaseConfig config, String memoryName, int initialRating, MeterRegistry registry) {
    this.config = config;
    this.memoryName = memoryName;
    this.initialRating = initialRating;
    this.registry = registry;
  }

  /** The open store; only after the deployment completed. */
  public SqlPlayerStore store() {
    return store;
  }

  @Override
  public Future<?> start() {
    return SqlPlayerStore.open(vertx, config, memoryName, initialRating, registry, Clock.systemUTC())
        .onSuccess(opened -> store = opened);
  }

  @Override
  public Future<?> stop() {
    return store == null ? Future.succeededFuture() : store.close();
  }
}
