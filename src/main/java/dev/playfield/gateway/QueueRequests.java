package dev.playfield.gateway;

import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.internal.CancelTicket;
import dev.playfield.protocol.internal.Seat;
import dev.playfield.protocol.internal.TicketRequest;
import dev.playfield.protocol.BusFailure;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.store.PlayerStore;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session's requests to the matchmaker: join a queue, leave it. They go out one after the
 * other, in the order the player asked, so a leave never overtakes the join it cancels (nor a new
 * join the leave before it). Requests ride out a hand-over of the matchmaker role. One per session,
 * used on the session's event loop only.
 */
final class QueueRequests {

  /**
   * While the matchmaker role moves (the old leader drains or died, the next one starts), its
   * address has no handler or does not answer. Measured hand-overs take under a second to several
   * seconds; 10 s covers them with room to spare, and a client is told UNAVAILABLE only after it.
   * Pauses start at 100 ms and double up to 1 s, so a quick hand-over costs little delay.
   */
  static final PatientRequests.Policy MATCHMAKER_HAND_OVER = new PatientRequests.Policy(10_000, 100, 1_000, 2_000);

  private static final Logger log = LoggerFactory.getLogger(QueueRequests.class);

  private final PatientRequests requests;
  private final PlayerStore players;
  private final String gatewayAddress;
  private Future<?> previous = Future.succeededFuture();

  QueueRequests(PatientRequests requests, PlayerStore players, String gatewayAddress) {
    this.requests = requests;
    this.players = players;
    this.gatewayAddress = gatewayAddress;
  }

  /**
   * Puts the player in the queue of {@code mode} at their rating in it, read from the store;
   * completes with the rating queued at. Fails with
   * {@link PatientRequests.GaveUp}: refused (its reply carries the error code) or unreachable.
   */
  Future<Integer> join(String playerId, String name, String mode) {
    Future<Integer> joined = previous.transform(settled -> players.rating(playerId, mode).compose(rating -> {
      Seat seat = Seat.newBuilder().setPlayerId(playerId).setName(name).setRating(rating)
          .setGateway(gatewayAddress).build();
      TicketRequest ticket = TicketRequest.newBuilder().setMode(mode).setSeat(seat).build();
      return requests.request(Addresses.MATCHMAKER, ticket, "matchmaker", MATCHMAKER_HAND_OVER).map(reply -> rating)
          // The session refuses a second join itself, so the matchmaker's ALREADY_QUEUED means the
          // player's ticket is there: an attempt that timed out did land, or a leave never reached it.
          .recover(cause -> refusal(cause) == ErrorCode.ALREADY_QUEUED
              ? Future.succeededFuture(rating) : Future.failedFuture(cause));
    }));
    previous = joined;
    return joined;
  }

  /**
   * Takes the player's ticket out of the queue. Always completes, after the matchmaker answered or
   * could not be reached: the player leaves either way, and a match formed regardless finds the
   * player gone and gets the seat back (the gateway answers the room with SeatLeft).
   */
  Future<Void> leave(String playerId) {
    Future<Void> left = previous.transform(settled -> requests.request(Addresses.MATCHMAKER,
            CancelTicket.newBuilder().setPlayerId(playerId).build(), "matchmaker", MATCHMAKER_HAND_OVER))
        .<Void>mapEmpty()
        .recover(cause -> {
          log.atInfo().addKeyValue("player", playerId).log("left the queue without the matchmaker: {}", cause.getMessage());
          return Future.succeededFuture();
        });
    previous = left;
    return left;
  }

  /** The error code the matchmaker refused a request with, or null when it was not a refusal. */
  static ErrorCode refusal(Throwable cause) {
    if (cause instanceof PatientRequests.GaveUp gaveUp && gaveUp.failure == BusFailure.REFUSED
        && gaveUp.last instanceof ReplyException reply && reply.failureCode() > 0) {
      ErrorCode code = ErrorCode.forNumber(reply.failureCode());
      return code == null ? ErrorCode.UNAVAILABLE : code;
    }
    return null;
  }
}
