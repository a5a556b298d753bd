package dev.playfield.ops;

import dev.playfield.node.LocalLoad;
import dev.playfield.cluster.NodeDirectory;
import dev.playfield.store.PlayerStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;

/**
 * {@code /health}: the process serves HTTP and its event loop runs (restart it if not).
 * {@code /ready}: send it players: not draining, and visible in the cluster's node directory, which
 * needs the cluster joined and this node's load published (the same test placement uses), and the
 * database answers (without it no player can log in or have a match recorded). Both
 * answer 200 or 503 with a JSON body naming each check.
 */
final class HealthRoutes {

  private static final long CHECK_TIMEOUT_MS = 2_000;

  private HealthRoutes() {}

  static void mount(Router router, Vertx vertx, String nodeId, LocalLoad load, NodeDirectory nodes, PlayerStore store) {
    HealthChecks liveness = HealthChecks.create(vertx)
        .register("event-loop", promise -> promise.complete(Status.OK()));
    HealthChecks readiness = HealthChecks.create(vertx)
        .register("not-draining", promise -> promise.complete(load.draining()
            ? Status.KO(new JsonObject().put("reason", "the node is draining")) : Status.OK()))
        .register("in-cluster", CHECK_TIMEOUT_MS, promise -> nodes.all()
            .map(all -> all.stream().anyMatch(node -> node.getNodeId().equals(nodeId)))
            .onSuccess(listed -> promise.complete(listed ? Status.OK()
                : Status.KO(new JsonObject().put("reason", "this node is not in the node directory"))))
            .onFailure(cause -> promise.complete(
                Status.KO(new JsonObject().put("reason", "node directory unreachable: " + cause.getMessage())))))
        .register("database", CHECK_TIMEOUT_MS, promise -> store.ping()
            .onSuccess(v -> promise.complete(Status.OK()))
            .onFailure(cause -> promise.complete(
                Status.KO(new JsonObject().put("reason", "database unreachable: " + cause.getMessage())))));
    router.get("/health").handler(HealthCheckHandler.createWithHealthChecks(liveness));
    router.get("/ready").handler(HealthCheckHandler.createWithHealthChecks(readiness));
  }
}
