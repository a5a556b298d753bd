package dev.playfield.room;

import dev.playfield.ops.PlayfieldMetrics;
import dev.playfield.protocol.internal.GatewayFrame;
import io.vertx.core.eventbus.EventBus;

/** Sends frames to gateways, counting those that cross to another node. */
final class GatewayLink {

  private final EventBus bus;
  private final String localGateway;
  private final PlayfieldMetrics metrics;

  GatewayLink(EventBus bus, String localGateway, PlayfieldMetrics metrics) {
    this.bus = bus;
    this.localGateway = localGateway;
    this.metrics = metrics;
  }

  void send(String gateway, GatewayFrame frame) {
    bus.send(gateway, frame);
    if (!gateway.equals(localGateway)) {
      metrics.roomToGatewayHop();
    }
  }
}
