package dev.playfield.cluster.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.playfield.config.PlayfieldConfig.ClusterConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.transport.Transport;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Joins a Hazelcast cluster and starts a clustered Vert.x on it. The Hazelcast member is created
 * here rather than by Vert.x, so the cluster package can use Hazelcast's own maps directly.
 */
public final class ClusterJoin {

  /** A clustered Vert.x with the Hazelcast member under it; {@link #leave()} stops both. */
  public record Joined(Vertx vertx, HazelcastInstance hazelcast, String nodeId) {
    public Future<Void> leave() {
      // Vert.x leaves the cluster but does not stop a member it was handed; once Vert.x is closed
      // its worker pool is gone, so the member is stopped on a thread of its own.
      return vertx.close().eventually(() ->
          Future.fromCompletionStage(CompletableFuture.runAsync(hazelcast::shutdown)));
    }
  }

  static final String VERTX_NODE_ID = "__vertx.nodeId";

  private ClusterJoin() {}

  /** Blocks while the member joins; call it from a plain thread (the launcher's, or a test's). */
  public static Future<Joined> join(ClusterConfig settings, VertxOptions options) {
    return join(settings, options, Transport.NIO);
  }

  /** Like {@link #join(ClusterConfig, VertxOptions)}, on the given network transport. */
  public static Future<Joined> join(ClusterConfig settings, VertxOptions options, Transport transport) {
    Config config = HazelcastCluster.config(settings);
    // Vert.x finds its node id in this member attribute when it is handed a ready member; the
    // same id names the node everywhere in Playfield.
    String nodeId = UUID.randomUUID().toString();
    config.getMemberAttributeConfig().setAttribute(VERTX_NODE_ID, nodeId);
    HazelcastInstance hazelcast = Hazelcast.newHazelcastInstance(config);
    EventBusOptions eventBus = options.getEventBusOptions()
        .setHost(settings.host())
        .setPort(settings.eventBusPort());
    if (!settings.publicHost().isEmpty()) {
      eventBus.setClusterPublicHost(settings.publicHost());
    }
    return Vertx.builder()
        .with(options)
        .withTransport(transport)
        .withClusterManager(new HazelcastClusterManager(hazelcast))
        .buildClustered()
        .map(vertx -> new Joined(vertx, hazelcast, nodeId))
        .onFailure(cause -> hazelcast.shutdown());
  }
}
