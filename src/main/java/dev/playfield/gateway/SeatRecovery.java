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
  /** How often the match's end is looked for, while the room is asked and after it gave no seat. */
  private static final long LOOK_EVERY_MS = 250;

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

  /** One retake: its outcome, and until when to look for the match's end (no limit while the room is asked). */
  private static final class Retake {
    final String roomId;
    final Promise<SeatOutcome> outcome = Promise.promise();
    volatile long giveUpLookingAtMs = Long.MAX_VALUE;
    volatile String whyNoSeat;

    Retake(String roomId) {
      this.roomId = roomId;
    }
  }

  /**
   * Never fails: every way it ends is a {@link SeatOutcome}. The match's end is looked for from the
   * start, alongside the seat request: a room that ended and was disposed answers "no handler"
   * exactly like one being taken over, and its players should not wait out the takeover time.
   */
  Future<SeatOutcome> retake(String roomId, String playerId) {
    Retake retake = new Retake(roomId);
    SeatResume request = SeatResume.newBuilder().setPlayerId(playerId).setGateway(gatewayAddress).build();
    requests.<SeatResumed>request(Addresses.room(roomId), request, "seat", ROOM_TAKEOVER).onComplete(done -> {
      if (done.succeeded()) {
        retake.outcome.tryComplete(SeatOutcome.seated(done.result().body().getAssigned(),
            RoomFrames.stateAfterResume(roomId, done.result().body())));
        return;
      }
      Throwable cause = done.cause();
      retake.whyNoSeat = cause instanceof PatientRequests.GaveUp gaveUp && gaveUp.failure == BusFailure.REFUSED
          ? gaveUp.last.getMessage() : "the room did not answer: " + cause.getMessage();
      retake.giveUpLookingAtMs = clock.millis() + FINISHED_LOOKUP_MS;
    });
    vertx.setTimer(LOOK_EVERY_MS, id -> lookForTheEnd(retake));
    return retake.outcome.future();
  }

  private void lookForTheEnd(Retake retake) {
    if (retake.outcome.future().isComplete()) {
      return;
    }
    finished.find(retake.roomId).onComplete(found -> {
      MatchEnd end = found.succeeded() ? found.result() : null;
      if (end != null) {
        retake.outcome.tryComplete(SeatOutcome.ended(end));
      } else if (clock.millis() + LOOK_EVERY_MS >= retake.giveUpLookingAtMs) {
        retake.outcome.tryComplete(SeatOutcome.gone(retake.whyNoSeat));
      } else {
        vertx.setTimer(LOOK_EVERY_MS, id -> lookForTheEnd(retake));
      }
    });
  }
}
