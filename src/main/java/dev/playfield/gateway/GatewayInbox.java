package dev.playfield.gateway;

import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.internal.GatewayFrame;
import dev.playfield.protocol.internal.KickSession;
import dev.playfield.protocol.internal.PrivateRoomChanged;
import dev.playfield.protocol.internal.Recipient;
import dev.playfield.protocol.internal.RoomAssigned;
import dev.playfield.protocol.internal.RoomTick;
import dev.playfield.protocol.internal.SeatLeft;
import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.protocol.v1.Standing;
import dev.playfield.protocol.v1.State;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway node's inbox: what rooms and the matchmaker tell this node's sessions, one
 * {@link GatewayFrame} at a time, dispatched once on its body. Runs on the consumer's event loop
 * and hands each session its part on the session's own loop.
 */
final class GatewayInbox {

  private static final Logger log = LoggerFactory.getLogger(GatewayInbox.class);

  private final SessionRegistry registry;
  private final EventBus bus;
  private final String address;

  GatewayInbox(SessionRegistry registry, EventBus bus, String gatewayAddress) {
    this.registry = registry;
    this.bus = bus;
    this.address = gatewayAddress;
  }

  void onFrame(Message<GatewayFrame> message) {
    GatewayFrame frame = message.body();
    switch (frame.getBodyCase()) {
      case TICK -> forwardTick(frame.getRoomId(), frame.getTick());
      case ASSIGNED -> seat(frame.getRoomId(), frame.getAssigned());
      case MATCH_END -> forwardMatchEnd(frame.getMatchEnd());
      case KICK -> kick(frame.getKick());
      case PRIVATE_ROOM -> privateRoomChanged(frame.getPrivateRoom());
      case BODY_NOT_SET -> log.warn("empty gateway frame for room {}", frame.getRoomId());
    }
  }

  private void forwardTick(String roomId, RoomTick tick) {
    for (Recipient recipient : tick.getRecipientsList()) {
      SessionHandle session = registry.find(recipient.getPlayerId());
      if (session != null) {
        State state = RoomFrames.stateFor(roomId, tick, recipient);
        session.execute(() -> session.deliverState(roomId, state));
      }
    }
  }

  private void seat(String roomId, RoomAssigned assigned) {
    for (String playerId : assigned.getPlayerIdsList()) {
      SessionHandle session = registry.find(playerId);
      if (session == null) {
        giveUpSeat(roomId, playerId);
        continue;
      }
      session.execute(() -> {
        if (!session.enterMatch(roomId, assigned)) {
          giveUpSeat(roomId, playerId);
        }
      });
    }
  }

  // The player left between being matched and being seated; the room must not wait for them.
  private void giveUpSeat(String roomId, String playerId) {
    bus.send(Addresses.room(roomId), SeatLeft.newBuilder().setPlayerId(playerId).build());
  }

  private void privateRoomChanged(PrivateRoomChanged changed) {
    for (String playerId : changed.getPlayerIdsList()) {
      SessionHandle session = registry.find(playerId);
      if (session != null) {
        session.execute(() -> session.privateRoomChanged(changed.getRoom()));
      }
    }
  }

  private void kick(KickSession kick) {
    SessionHandle session = registry.find(kick.getPlayerId());
    if (session != null && !kick.getNewGateway().equals(address)) {
      session.execute(session::replaced);
    }
  }

  private void forwardMatchEnd(MatchEnd end) {
    for (Standing standing : end.getStandingsList()) {
      SessionHandle session = registry.find(standing.getPlayerId());
      if (session != null) {
        session.execute(() -> session.deliverMatchEnd(end));
      }
    }
  }
}
