package dev.playfield.gateway;

import dev.playfield.protocol.internal.Recipient;
import dev.playfield.protocol.internal.RoomTick;
import dev.playfield.protocol.internal.SeatResumed;
import dev.playfield.protocol.v1.State;

/**
 * The one place a room's frame becomes what a client is sent: a {@link RoomTick} and one of its
 * {@link Recipient}s make that player's {@link State}. Used for every tick and for the full state
 * that follows a resumed seat. Pure; safe from any thread.
 */
final class RoomFrames {

  private RoomFrames() {}

  /** The state {@code recipient} is sent for this tick: its own view, else the shared one. */
  static State stateFor(String roomId, RoomTick tick, Recipient recipient) {
    return State.newBuilder()
        .setRoomId(roomId)
        .setTick(tick.getTick())
        .setLastInputSeq(recipient.getLastInputSeq())
        .setPhase(tick.getPhase())
        .setGame(recipient.hasGame() ? recipient.getGame() : tick.getSharedGame())
        .build();
  }

  /**
   * The full state sent after a resumed seat: the room's one-recipient frame, or the ready-made
   * {@code state} a room host of the previous version sends instead.
   */
  static State stateAfterResume(String roomId, SeatResumed resumed) {
    if (resumed.hasFrame() && resumed.getFrame().getRecipientsCount() > 0) {
      return stateFor(roomId, resumed.getFrame(), resumed.getFrame().getRecipients(0));
    }
    return resumed.getState();
  }
}
