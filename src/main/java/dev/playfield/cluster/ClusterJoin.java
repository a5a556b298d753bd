package dev.playfield.cluster;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.playfield.config.PlayfieldConfig.ClusterConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * Joins a Hazelcast cluster and starts a clustered Vert.x on it. The Hazelcast member is created
 * here rather than by Vert.x, so the cluster package can use Hazelcast's own maps directly.
 */
public final class ClusterJoin {

  /** A clustered Vert.x with the Hazelcast member under it; {@link #leave()} stops both. */
  public record Joined(Vertx vertx, HazelcastInstance hazelcast) {
    public Future<Void> leave() {
      return vertx.close().eventually(() -> vertx.executeBlocking(() -> {
        hazelcast.shutdown();
        return null;
      }));
    }
  }

  private ClusterJoin() {}

  /** Blocks while the member joins; call it from a plain thread (the launcher's, or a test's). */
  public static Future<Joined> join(ClusterConfig settings, VertxOptions options) {
    HazelcastInstance hazelcast = Hazelcast.newHazelcastInstance(HazelcastCluster.config(settings));
    EventBusOptions eventBus = options.getEventBusOptions()
        .setHost(settings.host())
        .setPort(settings.eventBusPort());
    if (!settings.publicHost().isEmpty()) {
      eventBus.setClusterPublicHost(settings.publicHost());
    }
    return Vertx.builder()
        .with(options)
        .withClusterManager(new HazelcastClusterManager(hazelcast))
        .buildClustered()
        .map(vertx -> new Joined(vertx, hazelcast))
        .onFailure(cause -> hazelcast.shutdown());
  }
}
