package dev.playfield.room;

import dev.playfield.protocol.internal.CloseRoom;
import dev.playfield.protocol.internal.RoomClosed;
import dev.playfield.protocol.internal.RoomReports;
import dev.playfield.protocol.internal.RoomsQuery;
import io.vertx.core.eventbus.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The admin API's view of this host: RoomsQuery lists its rooms, CloseRoom ends one now. Host event loop only. */
final class RoomAdmin {

  private static final Logger log = LoggerFactory.getLogger(RoomAdmin.class);

  private final String nodeId;
  private final HostedRooms rooms;
  private final MatchFinisher finisher;
  private final Dispatch<Void> dispatch = new Dispatch<Void>("RoomsQuery and CloseRoom")
      .on(RoomsQuery.class, (none, message, query) -> onQuery(message))
      .on(CloseRoom.class, (none, message, close) -> onClose(message, close));

  RoomAdmin(String nodeId, HostedRooms rooms, MatchFinisher finisher) {
    this.nodeId = nodeId;
    this.rooms = rooms;
    this.finisher = finisher;
  }

  void handle(Message<Object> request) {
    dispatch.handle(null, request);
  }

  private void onQuery(Message<Object> request) {
    RoomReports.Builder reports = RoomReports.newBuilder().setNodeId(nodeId);
    rooms.all().forEach(h -> reports.addRooms(RoomReporter.report(h.room, h.stats,
        h.schedule == null ? 0 : h.schedule.overruns())));
    request.reply(reports.build());
  }

  /** Answers once the end is kept for resuming players and sent, so a closed room stays closed. */
  private void onClose(Message<Object> request, CloseRoom close) {
    HostedRoom hosted = rooms.get(close.getRoomId());
    if (hosted == null) {
      request.reply(RoomClosed.newBuilder().setClosed(false).build());
      return;
    }
    log.atInfo().addKeyValue("room", hosted.id()).addKeyValue("tick", hosted.room.tick())
        .log("room closed by an operator");
    finisher.finish(hosted, MatchFinisher.Outcome.CUT_SHORT, "closed by an operator")
        .onComplete(done -> request.reply(RoomClosed.newBuilder().setClosed(true).build()));
  }
}
