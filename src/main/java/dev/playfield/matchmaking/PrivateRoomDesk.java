package dev.playfield.matchmaking;

import dev.playfield.cluster.ClusterServices;
import dev.playfield.config.ModeConfig;
import dev.playfield.protocol.internal.GatewayFrame;
import dev.playfield.protocol.internal.PrivateRoomChanged;
import dev.playfield.protocol.internal.PrivateRoomRequest;
import dev.playfield.protocol.internal.Seat;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.ListRooms;
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
  static final int DEFAULT_LIST_LIMIT = 20;
  static final int MAX_LIST_LIMIT = 100;

  private final Map<String, ModeConfig> modes;
  private final RoomOpener opener;
  private final ClusterServices cluster;
  private final EventBus bus;
  private final MatchmakerVerticle.RatingLookup ratings;
  private final PrivateRooms rooms;

  PrivateRoomDesk(Map<String, ModeConfig> modes, RoomOpener opener, ClusterServices cluster, EventBus bus,
      MatchmakerVerticle.RatingLookup ratings, long startVersion) {
    this.ratings = ratings;
    this.rooms = new PrivateRooms(startVersion);
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
          PrivateRooms.Room room = rooms.create(mode.name(), mode.queue().matchSize(), mode.queue().minPlayers(),
              body.getListed(), body.getLabel(), seat);
          keep(room);
          request.reply(room.view());
        }
        case JOIN_CODE -> {
          PrivateRooms.Room room = rooms.join(body.getJoinCode(), seat);
          boolean full = room.members.size() >= room.capacity;
          if (full) {
            rooms.markStarted(room);
          }
          keep(room);
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
            keep(room);
            tell(room, playerId);
          }
        }
        case START -> {
          PrivateRooms.Room room = rooms.start(playerId);
          request.reply(room.view());
          tell(room, playerId);
          place(room);
        }
        case LIST -> {
          ListRooms list = body.getList();
          int limit = list.getLimit() == 0 ? DEFAULT_LIST_LIMIT : Math.min(list.getLimit(), MAX_LIST_LIMIT);
          request.reply(rooms.list(list.getMode(), list.getOffset(), limit, list.getSince()));
        }
        case BODY_NOT_SET -> request.fail(ErrorCode.INVALID_ARGUMENT_VALUE, "an empty private-room request");
      }
    } catch (PrivateRooms.Refused refused) {
      request.fail(refused.code.getNumber(), refused.getMessage());
    }
  }

  /** Takes over the rooms an earlier matchmaker kept in the cluster. */
  Future<Void> restore() {
    return cluster.privateRooms().loadAll().map(stored -> {
      stored.forEach(rooms::restore);
      if (!stored.isEmpty()) {
        log.info("took over {} private rooms", stored.size());
      }
      return null;
    });
  }

  /** The matchmaker stops: it lets its rooms go (the cluster keeps them for the next one). */
  void release() {
    rooms.clear();
  }

  private void place(PrivateRooms.Room room) {
    List<Future<Seat>> rated = room.seats().stream()
        .map(seat -> ratings.rating(seat.getPlayerId(), room.mode).map(rating -> seat.toBuilder().setRating(rating).build()))
        .toList();
    Future.all(rated)
        .compose(all -> cluster.nodes().all())
        .compose(nodes -> opener.openSeats(room.mode, rated.stream().map(Future::result).toList(), nodes))
        .onSuccess(created -> {
          rooms.placed(room);
          cluster.privateRooms().remove(room.code);
        })
        .onFailure(cause -> {
          log.warn("private room {}: no node could open its match ({}); it waits to be started again",
              room.code, cause.getMessage());
          rooms.unstart(room);
          tell(room, "");
        });
  }

  /** Keeps the room in the cluster as it is now (or forgets it, once it is empty). */
  private void keep(PrivateRooms.Room room) {
    Future<Void> kept = room.members.isEmpty() ? cluster.privateRooms().remove(room.code)
        : cluster.privateRooms().save(room.stored());
    kept.onFailure(cause -> log.warn("private room {}: could not keep it in the cluster: {}", room.code, cause.getMessage()));
  }

  /** Sends the room as it is now to its members but {@code except}, grouped by gateway. */
  private void tell(PrivateRooms.Room room, String except) {
    PrivateRoom view = room.view();
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
