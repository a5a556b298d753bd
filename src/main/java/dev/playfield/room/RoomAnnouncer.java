package dev.playfield.room;

import dev.playfield.config.ModeConfig;
import dev.playfield.protocol.internal.GatewayFrame;
import dev.playfield.protocol.internal.RoomAssigned;
import dev.playfield.protocol.internal.Seat;
import dev.playfield.protocol.v1.PlayerInfo;
import java.util.List;
import java.util.function.BiConsumer;

/** Tells gateways which of their players now sit in a room. */
final class RoomAnnouncer {

  private final BiConsumer<String, GatewayFrame> toGateway;

  RoomAnnouncer(BiConsumer<String, GatewayFrame> toGateway) {
    this.toGateway = toGateway;
  }

  /** One RoomAssigned per gateway, naming only that gateway's players. */
  void assigned(String roomId, ModeConfig mode, List<Seat> seats, List<String> gateways) {
    for (String gateway : gateways) {
      List<String> here = seats.stream().filter(seat -> seat.getGateway().equals(gateway))
          .map(Seat::getPlayerId).toList();
      toGateway.accept(gateway, GatewayFrame.newBuilder().setRoomId(roomId)
          .setAssigned(assignment(mode, seats, here)).build());
    }
  }

  /** The room's line-up (every seat, by slot) for the players named. */
  static RoomAssigned assignment(ModeConfig mode, List<Seat> seats, List<String> playerIds) {
    RoomAssigned.Builder assigned = RoomAssigned.newBuilder().setMode(mode.name()).setTickRate(mode.tickRate());
    for (int slot = 0; slot < seats.size(); slot++) {
      Seat seat = seats.get(slot);
      assigned.addPlayers(PlayerInfo.newBuilder()
          .setPlayerId(seat.getPlayerId()).setName(seat.getName()).setRating(seat.getRating()).setSlot(slot));
    }
    return assigned.addAllPlayerIds(playerIds).build();
  }
}
