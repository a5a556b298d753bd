package dev.playfield.gateway;

import dev.playfield.protocol.internal.RoomAssigned;
import dev.playfield.protocol.internal.SessionReport;
import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.protocol.v1.PrivateRoom;
import dev.playfield.protocol.v1.State;

/**
 * What the rest of the gateway (the inbox, the registry, the admin inspector, the drain) sees of
 * one player's session. {@link #execute} may be called from any thread; every other method only
 * inside work given to {@link #execute}, on the session's own event loop. None blocks.
 */
interface SessionHandle {

  /** Runs {@code work} on the session's event loop. */
  void execute(Runnable work);

  /** Sends the state if the player is in that room now; otherwise it is moot and dropped. */
  void deliverState(String roomId, State state);

  /** Ends the player's match if the player is in that room now. */
  void deliverMatchEnd(MatchEnd end);

  /** The matchmaker placed the player in a room; false when the player cannot take the seat. */
  boolean enterMatch(String roomId, RoomAssigned assigned);

  /** The player's private room changed (someone joined or left, or it started). */
  void privateRoomChanged(PrivateRoom room);

  /** The player logged in elsewhere: close without giving up the seat. */
  void replaced();

  /** The node is going away: close, unless {@code unlessInMatch} and the player is playing. */
  void closeForDrain(boolean unlessInMatch);

  /** What the admin API shows of this session. */
  SessionReport report();
}
