package dev.playfield.node;

import io.vertx.core.Future;

/**
 * Work a draining node hands to other nodes instead of seeing it out (its rooms). Called once, on
 * the node's drain, from any thread; the future completes when the hand-over is done or has given
 * up (whatever is left then runs here until it ends or the drain deadline passes). Must not block.
 */
@FunctionalInterface
public interface Drainable {

  /** Nothing to hand over. */
  Drainable NOTHING = () -> Future.succeededFuture();

  Future<Void> handOver();
}
