package dev.playfield.room;

/** A player's place in a room; mutated only on the room's thread. */
final class SeatState {

  final String playerId;
  final String name;
  final int rating;
  final int slot;
  final InputQueue inputs;
  String gateway;
  int lastAppliedSeq;
  boolean present = true;
  boolean connected = true;
  long disconnectedAtTick;

  SeatState(String playerId, String name, int rating, int slot, String gateway, int queueCapacity) {
    this.playerId = playerId;
    this.name = name;
    this.rating = rating;
    this.slot = slot;
    this.gateway = gateway;
    this.inputs = new InputQueue(queueCapacity);
  }
}
