package dev.playfield.gateway;

import dev.playfield.protocol.internal.RoomAssigned;
import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.protocol.v1.State;

/**
 * What a returning player finds of their seat: back in the room (with the room's full state), the
 * match over (with how it ended), or nothing to go back to.
 */
record SeatOutcome(Kind kind, RoomAssigned assigned, State state, MatchEnd end, String reason) {

  enum Kind { SEATED, MATCH_ENDED, GONE }

  static SeatOutcome seated(RoomAssigned assigned, State state) {
    return new SeatOutcome(Kind.SEATED, assigned, state, null, "back in the seat");
  }

  static SeatOutcome ended(MatchEnd end) {
    return new SeatOutcome(Kind.MATCH_ENDED, null, null, end, "the match ended");
  }

  static SeatOutcome gone(String reason) {
    return new SeatOutcome(Kind.GONE, null, null, null, reason);
  }
}
