package dev.playfield.gateway;

import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.internal.SeatResume;
import dev.playfield.protocol.internal.SeatResumed;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/**
 * Gets a returning player's seat back from their room. The room may be moving to another node
 * right now (its node died), so "no handler" is retried for a while before giving up.
 */
final class SeatRecovery {

  // Short: right after a node died, the event bus may still route the room's address to the dead
  // node until the cluster has cleaned up; such a request only ends by timing out.
  private static final DeliveryOptions REQUEST = new DeliveryOptions().setSendTimeout(500);
  private static final long RETRY_MS = 250;
  private static final long GIVE_UP_AFTER_MS = 8_000;

  private final GatewayServices services;

  SeatRecovery(GatewayServices services) {
    this.services = services;
  }

  Future<SeatResumed> retake(String roomId, String playerId) {
    Promise<SeatResumed> result = Promise.promise();
    attempt(roomId, SeatResume.newBuilder().setPlayerId(playerId).setGateway(services.address()).build(),
        System.currentTimeMillis() + GIVE_UP_AFTER_MS, result);
    return result.future();
  }

  private void attempt(String roomId, SeatResume request, long giveUpAt, Promise<SeatResumed> result) {
    services.bus().<SeatResumed>request(Addresses.room(roomId), request, REQUEST).onComplete(done -> {
      if (done.succeeded()) {
        result.complete(done.result().body());
      } else if (noRoomYet(done.cause()) && System.currentTimeMillis() < giveUpAt) {
        services.vertx().setTimer(RETRY_MS, id -> attempt(roomId, request, giveUpAt, result));
      } else {
        result.fail(done.cause());
      }
    });
  }

  private static boolean noRoomYet(Throwable cause) {
    return cause instanceof ReplyException reply
        && (reply.failureType() == ReplyFailure.NO_HANDLERS || reply.failureType() == ReplyFailure.TIMEOUT);
  }
}
