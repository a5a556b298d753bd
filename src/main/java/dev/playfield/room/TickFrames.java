package dev.playfield.room;

import com.google.protobuf.Any;
import dev.playfield.game.Game;
import dev.playfield.protocol.internal.Recipient;
import dev.playfield.protocol.internal.RoomTick;
import dev.playfield.protocol.v1.RoomPhase;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds what a room sends after a tick: one frame per gateway, one recipient per reachable player. */
final class TickFrames {

  private final Game game;
  private final Seats seats;

  TickFrames(Game game, Seats seats) {
    this.game = game;
    this.seats = seats;
  }

  /** The frames of this tick, keyed by gateway address. A shared view is packed once for all. */
  Map<String, RoomTick> byGateway(long tick, RoomPhase phase) {
    boolean shared = game.sharedView();
    Any sharedState = shared ? Any.pack(game.view(0)) : null;
    Map<String, RoomTick.Builder> byGateway = new LinkedHashMap<>();
    for (SeatState seat : seats.all()) {
      if (!seat.reachable()) {
        continue;
      }
      RoomTick.Builder frame = byGateway.computeIfAbsent(seat.gateway, g -> {
        RoomTick.Builder b = RoomTick.newBuilder().setTick(tick).setPhase(phase);
        return shared ? b.setSharedGame(sharedState) : b;
      });
      Recipient.Builder recipient = Recipient.newBuilder().setPlayerId(seat.playerId)
          .setLastInputSeq(seat.lastAppliedSeq);
      if (!shared) {
        recipient.setGame(Any.pack(game.view(seat.slot)));
      }
      frame.addRecipients(recipient);
    }
    Map<String, RoomTick> out = new LinkedHashMap<>();
    byGateway.forEach((gateway, builder) -> out.put(gateway, builder.build()));
    return out;
  }

  /**
   * The frame for one player alone, with their own full view (never the shared field): what a player
   * who just came back needs to draw the game at once.
   */
  RoomTick forPlayer(SeatState seat, long tick, RoomPhase phase) {
    Recipient recipient = Recipient.newBuilder().setPlayerId(seat.playerId).setLastInputSeq(seat.lastAppliedSeq)
        .setGame(Any.pack(game.view(seat.slot))).build();
    return RoomTick.newBuilder().setTick(tick).setPhase(phase).addRecipients(recipient).build();
  }
}
