package dev.playfield.gateway;

import dev.playfield.cluster.FinishedMatches;
import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.BusFailure;
import dev.playfield.protocol.internal.SeatResume;
import dev.playfield.protocol.internal.SeatResumed;
import dev.playfield.protocol.v1.MatchEnd;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * Gets a returning player's seat back from their room, or failing that, how the match ended.
 * The room may be moving to another node right now (its node died), so "no handler" and timeouts
 * are retried for about as long as a failover takes. When the room says the seat is gone, or never
 * answers, the match may have ended meanwhile: its end is looked up in {@link FinishedMatches},
 * a few times, because the room host's write may land a moment after the room stopped answering.
 * Stateless; call from any thread.
 */
final class SeatRecovery {

  /**
   * About the failover time: a dead node's rooms resume on a survivor within a few seconds. Short
   * attempts, because right after a node died the event bus may still route the room's address to
   * the dead node until the cluster has cleaned up; such a request only ends by timing out.
   */
  static final PatientRequests.Policy ROOM_TAKEOVER = new PatientRequests.Policy(8_000, 250, 250, 500);
  /** How long to keep looking for a match end that may be written just after the room went away. */
  static final long FINISHED_LOOKUP_MS = 2_000;
  private static final long FINISHED_LOOKUP_PAUSE_MS = 250;
  /** While the room has not answered: how often to see whether its match ended meanwhile. */
  private static final long WATCH_FOR_THE_END_MS = 500;

  private final PatientRequests requests;
  private final FinishedMatches finished;
  private final Vertx vertx;
  private final String gatewayAddress;
  private final Clock clock;

  SeatRecovery(PatientRequests requests, FinishedMatches finished, Vertx vertx, String gatewayAddress, Clock clock) {
    this.requests = requests;
    this.finished = finished;
    this.vertx = vertx;
    this.gatewayAddress = gatewayAddress;
    this.clock = clock;
  }

  /**
   * Never fails: every way it ends is a {@link SeatOutcome}. While the room does not answer, the
   * match's end is looked for alongside: a room that ended and was disposed answers "no handler"
   * exactly like one being taken over, and its players should not wait out the takeover time.
   */
  Future<SeatOutcome> retake(String roomId, String playerId) {
    Promise<SeatOutcome> outcome = Promise.promise();
    SeatResume request = SeatResume.newBuilder().setPlayerId(playerId).setGateway(gatewayAddress).build();
    requests.<SeatResumed>request(Addresses.room(roomId), request, "seat", ROOM_TAKEOVER)
        .map(reply -> SeatOutcome.seated(reply.body().getAssigned(), RoomFrames.stateAfterResume(roomId, reply.body())))
        .recover(cause -> {
          String why = cause instanceof PatientRequests.GaveUp gaveUp && gaveUp.failure == BusFailure.REFUSED
              ? gaveUp.last.getMessage() : "the room did not answer: " + cause.getMessage();
          return outcome.future().isComplete() ? outcome.future() : lookForTheEnd(roomId, why);
        })
        .onComplete(done -> outcome.tryComplete(done.result()));
    vertx.setTimer(WATCH_FOR_THE_END_MS, id -> watchForTheEnd(roomId, outcome));
    return outcome.future();
  }

  private void watchForTheEnd(String roomId, Promise<SeatOutcome> outcome) {
    if (outcome.future().isComplete()) {
      return;
    }
    finished.find(roomId).onComplete(found -> {
      if (found.succeeded() && found.result() != null) {
        outcome.tryComplete(SeatOutcome.ended(found.result()));
      } else if (!outcome.future().isComplete()) {
        vertx.setTimer(WATCH_FOR_THE_END_MS, id -> watchForTheEnd(roomId, outcome));
      }
    });
  }

  private Future<SeatOutcome> lookForTheEnd(String roomId, String whyNoSeat) {
    Promise<SeatOutcome> outcome = Promise.promise();
    look(roomId, whyNoSeat, clock.millis() + FINISHED_LOOKUP_MS, outcome);
    return outcome.future();
  }

  private void look(String roomId, String whyNoSeat, long giveUpAtMs, Promise<SeatOutcome> outcome) {
    finished.find(roomId).onComplete(found -> {
      MatchEnd end = found.succeeded() ? found.result() : null;
      if (end != null) {
        outcome.complete(SeatOutcome.ended(end));
      } else if (clock.millis() + FINISHED_LOOKUP_PAUSE_MS < giveUpAtMs) {
        vertx.setTimer(FINISHED_LOOKUP_PAUSE_MS, id -> look(roomId, whyNoSeat, giveUpAtMs, outcome));
      } else {
        outcome.complete(SeatOutcome.gone(whyNoSeat));
      }
    });
  }
}
