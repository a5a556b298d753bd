package dev.playfield.gateway;

import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.internal.PrivateRoomRequest;
import dev.playfield.protocol.internal.Seat;
import dev.playfield.protocol.v1.CreatePrivateRoom;
import dev.playfield.protocol.v1.ListRooms;
import dev.playfield.protocol.v1.PrivateRoom;
import dev.playfield.protocol.v1.RoomList;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session's private-room requests to the matchmaker, which holds the rooms: create, join,
 * leave, start. Like queue requests they go out in order and ride out a hand-over of the
 * matchmaker role. One per session, used on the session's event loop only.
 */
final class PrivateRoomRequests {

  private static final Logger log = LoggerFactory.getLogger(PrivateRoomRequests.class);

  private final PatientRequests requests;
  private final String gatewayAddress;
  private Future<?> previous = Future.succeededFuture();

  PrivateRoomRequests(PatientRequests requests, String gatewayAddress) {
    this.requests = requests;
    this.gatewayAddress = gatewayAddress;
  }

  /** A new room for {@code mode} with the player in it. Fails as {@link QueueRequests#join} does. */
  Future<PrivateRoom> create(String playerId, String name, CreatePrivateRoom create) {
    return room(request(playerId, name).setCreateMode(create.getMode()).setListed(create.getListed())
        .setLabel(create.getLabel().strip()));
  }

  /** The room list's page or changes; not ordered after the player's other requests (it changes nothing). */
  Future<RoomList> list(String playerId, ListRooms list) {
    return requests.<RoomList>request(Addresses.MATCHMAKER, request(playerId, "").setList(list).build(), "matchmaker",
        QueueRequests.MATCHMAKER_HAND_OVER).map(Message::body);
  }

  /** Joins the room of {@code code}. */
  Future<PrivateRoom> join(String playerId, String name, String code) {
    return room(request(playerId, name).setJoinCode(code));
  }

  /** Starts the player's room (the creator's request). */
  Future<PrivateRoom> start(String playerId, String name) {
    return room(request(playerId, name).setStart(true));
  }

  /** Takes the player out of their room. Always completes: the player is out either way. */
  Future<Void> leave(String playerId) {
    Future<Void> left = previous.transform(settled -> requests.request(Addresses.MATCHMAKER,
            request(playerId, "").setLeave(true).build(), "matchmaker", QueueRequests.MATCHMAKER_HAND_OVER))
        .<Void>mapEmpty()
        .recover(cause -> {
          log.atInfo().addKeyValue("player", playerId).log("left the private room without the matchmaker: {}",
              cause.getMessage());
          return Future.succeededFuture();
        });
    previous = left;
    return left;
  }

  private PrivateRoomRequest.Builder request(String playerId, String name) {
    // The rating is read by the matchmaker when the room starts, in the room's mode.
    return PrivateRoomRequest.newBuilder().setSeat(Seat.newBuilder().setPlayerId(playerId).setName(name)
        .setGateway(gatewayAddress));
  }

  private Future<PrivateRoom> room(PrivateRoomRequest.Builder request) {
    Future<PrivateRoom> answered = previous.transform(settled -> requests.<PrivateRoom>request(Addresses.MATCHMAKER,
        request.build(), "matchmaker", QueueRequests.MATCHMAKER_HAND_OVER).map(Message::body));
    previous = answered;
    return answered;
  }
}
