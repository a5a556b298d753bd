package dev.playfield.room;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import dev.playfield.game.Game;
import dev.playfield.game.StateStream;
import dev.playfield.protocol.internal.Recipient;
import dev.playfield.protocol.internal.RoomTick;
import dev.playfield.protocol.v1.RoomPhase;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds what a room sends after a tick: one frame per gateway, one recipient per reachable player.
 * With {@link StateStream#ON_CHANGE} a player is left out of a tick's frame when it would tell
 * them nothing new: the same view, the same acknowledged input and the same phase as the last
 * state they were sent (a gateway with nobody left gets no frame). Called on the room's thread.
 */
final class TickFrames {

  /** What a player was last sent, to see whether the next state says anything new. */
  private record Sent(Message view, int lastInputSeq, RoomPhase phase) {}

  private final Game game;
  private final Seats seats;
  private final boolean onChange;
  private final Map<String, Sent> lastSent = new HashMap<>();

  TickFrames(Game game, Seats seats, StateStream stream) {
    this.game = game;
    this.seats = seats;
    this.onChange = stream == StateStream.ON_CHANGE;
  }

  /** The frames of this tick, keyed by gateway address. A shared view is packed once for all. */
  Map<String, RoomTick> byGateway(long tick, RoomPhase phase) {
    boolean shared = game.sharedView();
    Message sharedView = shared ? game.view(0) : null;
    Any sharedState = null;
    Map<String, RoomTick.Builder> byGateway = new LinkedHashMap<>();
    for (SeatState seat : seats.all()) {
      if (!seat.reachable()) {
        if (onChange) {
          lastSent.remove(seat.playerId); // back, they are sent what they missed
        }
        continue;
      }
      Message view = shared ? sharedView : game.view(seat.slot);
      if (onChange && !changed(seat, view, phase)) {
        continue;
      }
      if (shared && sharedState == null) {
        sharedState = Any.pack(sharedView);
      }
      Any packedShared = sharedState;
      RoomTick.Builder frame = byGateway.computeIfAbsent(seat.gateway, g -> {
        RoomTick.Builder b = RoomTick.newBuilder().setTick(tick).setPhase(phase);
        return shared ? b.setSharedGame(packedShared) : b;
      });
      Recipient.Builder recipient = Recipient.newBuilder().setPlayerId(seat.playerId)
          .setLastInputSeq(seat.lastAppliedSeq);
      if (!shared) {
        recipient.setGame(Any.pack(view));
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
    Message view = game.view(seat.slot);
    if (onChange) {
      lastSent.put(seat.playerId, new Sent(view, seat.lastAppliedSeq, phase));
    }
    Recipient recipient = Recipient.newBuilder().setPlayerId(seat.playerId).setLastInputSeq(seat.lastAppliedSeq)
        .setGame(Any.pack(view)).build();
    return RoomTick.newBuilder().setTick(tick).setPhase(phase).addRecipients(recipient).build();
  }

  /** Records what the player is about to be sent, and says whether it differs from the last. */
  private boolean changed(SeatState seat, Message view, RoomPhase phase) {
    Sent now = new Sent(view, seat.lastAppliedSeq, phase);
    Sent before = lastSent.put(seat.playerId, now);
    return !now.equals(before);
  }
}
