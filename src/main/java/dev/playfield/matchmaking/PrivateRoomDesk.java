package dev.playfield.matchmaking;

import dev.playfield.cluster.ClusterServices;
import dev.playfield.config.ModeConfig;
import dev.playfield.protocol.internal.GatewayFrame;
import dev.playfield.protocol.internal.PrivateRoomChanged;
import dev.playfield.protocol.internal.PrivateRoomRequest;
import dev.playfield.protocol.internal.Seat;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.PrivateRoom;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active matchmaker's private-room requests: create, join, leave, start ({@link PrivateRooms}
 * holds the rooms). Everyone else in a room hears of a change through their gateway; a started
 * room is placed like a formed match, and its members get MatchFound from the room as usual. Runs
 * on the matchmaker's event loop.
 */
final class PrivateRoomDesk {

  private static final Logger log = LoggerFactory.getLogger(PrivateRoomDesk.class);

  private final Map<String, ModeConfig> modes;
  private final RoomOpener opener;
  private final ClusterServices cluster;
  private final EventBus bus;
  private final MatchmakerVerticle.RatingLookup ratings;
  private final PrivateRooms rooms = new PrivateRooms();

  PrivateRoomDesk(Map<String, ModeConfig> modes, RoomOpener opener, ClusterServices cluster, EventBus bus,
      MatchmakerVerticle.RatingLookup ratings) {
    this.ratings = ratings;
    this.modes = modes;
    this.opener = opener;
    this.cluster = cluster;
    this.bus = bus;
  }

  void onRequest(Message<Object> request, PrivateRoomRequest body) {
    Seat seat = body.getSeat();
    String playerId = seat.getPlayerId();
    try {
      switch (body.getBodyCase()) {
        case CREATE_MODE -> {
          ModeConfig mode = modes.get(body.getCreateMode());
          if (mode == null) {
            request.fail(ErrorCode.UNKNOWN_MODE_VALUE, "no mode '" + body.getCreateMode() + "'; modes: "
                + String.join(", ", modes.keySet()));
            return;
          }
          PrivateRooms.Room room = rooms.create(mode.name(), mode.queue().matchSize(), mode.queue().minPlayers(), seat);
          request.reply(room.view());
        }
        case JOIN_CODE -> {
          PrivateRooms.Room room = rooms.join(body.getJoinCode(), seat);
          boolean full = room.members.size() >= room.capacity;
          if (full) {
            room.started = true;
          }
          request.reply(room.view());
          tell(room, playerId);
          if (full) {
            place(room);
          }
        }
        case LEAVE -> {
          PrivateRooms.Room room = rooms.leave(playerId);
          request.reply(null);
          if (room != null) {
            tell(room, playerId);
          }
        }
        case START -> {
          PrivateRooms.Room room = rooms.start(playerId);
          request.reply(room.view());
          tell(room, playerId);
          place(room);
        }
        case BODY_NOT_SET -> request.fail(ErrorCode.INVALID_ARGUMENT_VALUE, "an empty private-room request");
      }
    } catch (PrivateRooms.Refused refused) {
      request.fail(refused.code.getNumber(), refused.getMessage());
    }
  }

  /** The matchmaker stops: every room not yet started is closed, and its members are told. */
  void closeAll() {
    for (PrivateRooms.Room room : rooms.closeAll()) {
      tell(room, "", room.view().toBuilder().clearMembers().clearCreatorPlayerId().build());
    }
  }

  private void place(PrivateRooms.Room room) {
    List<Future<Seat>> rated = room.seats().stream()
        .map(seat -> ratings.rating(seat.getPlayerId(), room.mode).map(rating -> seat.toBuilder().setRating(rating).build()))
        .toList();
    Future.all(rated)
        .compose(all -> cluster.nodes().all())
        .compose(nodes -> opener.openSeats(room.mode, rated.stream().map(Future::result).toList(), nodes))
        .onSuccess(created -> rooms.placed(room))
        .onFailure(cause -> {
          log.warn("private room {}: no node could open its match ({}); it waits to be started again",
              room.code, cause.getMessage());
          rooms.unstart(room);
          tell(room, "");
        });
  }

  /** Sends the room as it is now to its members but {@code except}. */
  private void tell(PrivateRooms.Room room, String except) {
    tell(room, except, room.view());
  }

  /**
   * Sends {@code view} to the room's members but {@code except}, grouped by gateway. A member the
   * view does not list is out of the room (it closed).
   */
  private void tell(PrivateRooms.Room room, String except, PrivateRoom view) {
    Map<String, List<String>> byGateway = new LinkedHashMap<>();
    for (Seat member : room.seats()) {
      if (!member.getPlayerId().equals(except)) {
        byGateway.computeIfAbsent(member.getGateway(), g -> new ArrayList<>()).add(member.getPlayerId());
      }
    }
    byGateway.forEach((gateway, players) -> bus.send(gateway, GatewayFrame.newBuilder().setPrivateRoom(
        PrivateRoomChanged.newBuilder().addAllPlayerIds(players).setRoom(view)).build()));
  }
}
