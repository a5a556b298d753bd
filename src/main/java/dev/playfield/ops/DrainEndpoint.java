package dev.playfield.ops;

import dev.playfield.node.LocalLoad;
import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.internal.DrainNode;
import dev.playfield.protocol.internal.DrainStarted;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the admin API asks this node to drain. It answers at once and drains in the background:
 * a drain lasts as long as the matches it lets finish. The process stays up afterwards (its
 * /ready answers 503) until the operator stops it.
 */
public final class DrainEndpoint {

  private static final Logger log = LoggerFactory.getLogger(DrainEndpoint.class);

  private DrainEndpoint() {}

  public static Future<Void> register(EventBus bus, String nodeId, LocalLoad load, Supplier<Future<Void>> drain) {
    return bus.<DrainNode>consumer(Addresses.adminNode(nodeId), request -> {
      boolean already = load.draining();
      if (!already) {
        drain.get().onFailure(cause -> log.warn("drain failed: {}", cause.toString()));
      }
      request.reply(DrainStarted.newBuilder().setNodeId(nodeId).setAlreadyDraining(already).build());
    }).completion();
  }
}
