package dev.playfield.room;

import dev.playfield.protocol.internal.RoomInput;
import dev.playfield.protocol.internal.SeatDisconnected;
import dev.playfield.protocol.internal.SeatLeft;
import dev.playfield.protocol.internal.SeatResume;
import dev.playfield.protocol.internal.SeatResumed;
import dev.playfield.protocol.v1.ErrorCode;
import io.vertx.core.eventbus.Message;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a room's address takes from gateways: inputs, seats dropping, coming back and leaving. Each
 * handler only queues or marks; the game changes at the next tick. Host event loop only.
 */
final class RoomInbox {

  private static final Logger log = LoggerFactory.getLogger(RoomInbox.class);

  private final Dispatch<HostedRoom> dispatch = new Dispatch<HostedRoom>(
      "RoomInput, SeatDisconnected, SeatResume and SeatLeft")
      .on(RoomInput.class, (hosted, message, input) ->
          hosted.room.offer(input.getPlayerId(), input.getSeq(), input.getGame()))
      .on(SeatDisconnected.class, (hosted, message, gone) -> hosted.room.disconnect(gone.getPlayerId()))
      .on(SeatResume.class, this::onSeatResume)
      .on(SeatLeft.class, this::onSeatLeft);
  private final MatchFinisher finisher;

  RoomInbox(MatchFinisher finisher) {
    this.finisher = finisher;
  }

  void handle(HostedRoom hosted, Message<Object> message) {
    dispatch.handle(hosted, message);
  }

  /**
   * Answers with the seat's line-up and the room's frame for this player alone; the gateway turns
   * the frame into the client's State. A match that is ending answers once its end is stored, so
   * the gateway that is told "the match ended" finds the end in the cluster.
   */
  private void onSeatResume(HostedRoom hosted, Message<Object> message, SeatResume back) {
    Room room = hosted.room;
    if (hosted.ending != null) {
      hosted.ending.onComplete(done -> message.fail(ErrorCode.RESUME_EXPIRED_VALUE, "the match ended"));
      return;
    }
    if (!room.resume(back.getPlayerId(), back.getGateway())) {
      message.fail(ErrorCode.RESUME_EXPIRED_VALUE, "the seat is gone: the grace window passed or the player left");
      return;
    }
    message.reply(SeatResumed.newBuilder()
        .setAssigned(RoomAnnouncer.assignment(hosted.mode(), room.seats(), List.of(back.getPlayerId())))
        .setFrame(room.frameFor(back.getPlayerId()))
        .build());
  }

  /** The last player to leave ends the match for everyone (it does not just vanish). */
  private void onSeatLeft(HostedRoom hosted, Message<Object> message, SeatLeft left) {
    if (hosted.room.leave(left.getPlayerId()) && hosted.ending == null) {
      log.info("room {}: every player left at tick {}", hosted.id(), hosted.room.tick());
      finisher.finish(hosted, MatchFinisher.Outcome.PLAYED, "every player left");
    }
  }
}
