package dev.playfield.store;

import java.util.List;

/** A match that just started: its room, mode and players in seat order. */
public record MatchStart(String roomId, String mode, List<Participant> players) {

  public MatchStart {
    players = List.copyOf(players);
  }

  /** A player of a match as its room knows them. */
  public record Participant(String playerId, String name) {}
}
