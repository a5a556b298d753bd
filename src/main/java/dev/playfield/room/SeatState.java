package dev.playfield.room;

import dev.playfield.protocol.internal.Seat;
import dev.playfield.protocol.internal.SeatRecord;

/**
 * A player's place in a room; mutated only on the room's thread. The one mapping between the seat
 * a room works with and its two wire forms: {@link Seat} (what the matchmaker sends and gateways
 * are told) and {@link SeatRecord} (what replication keeps).
 */
final class SeatState {

  final String playerId;
  final String name;
  final int rating;
  final int slot;
  final InputQueue inputs;
  String gateway;
  int lastAppliedSeq;
  /** False once the player left the match for good (or their grace window ran out). */
  boolean present = true;
  boolean connected = true;
  long disconnectedAtTick;

  private SeatState(String playerId, String name, int rating, int slot, String gateway, InputQueue inputs) {
    this.playerId = playerId;
    this.name = name;
    this.rating = rating;
    this.slot = slot;
    this.gateway = gateway;
    this.inputs = inputs;
  }

  /** A player the matchmaker seated, connected and present. */
  static SeatState of(Seat seat, int slot, InputQueue inputs) {
    return new SeatState(seat.getPlayerId(), seat.getName(), seat.getRating(), slot, seat.getGateway(), inputs);
  }

  /** A seat as its room's replicated record kept it. */
  static SeatState of(SeatRecord saved, int slot, InputQueue inputs) {
    SeatState seat = new SeatState(saved.getPlayerId(), saved.getName(), saved.getRating(), slot, saved.getGateway(),
        inputs);
    seat.lastAppliedSeq = saved.getLastInputSeq();
    seat.present = saved.getPresent();
    seat.connected = saved.getConnected();
    seat.disconnectedAtTick = saved.getDisconnectedAtTick();
    return seat;
  }

  Seat toSeat() {
    return Seat.newBuilder().setPlayerId(playerId).setName(name).setRating(rating).setGateway(gateway).build();
  }

  SeatRecord toRecord() {
    return SeatRecord.newBuilder()
        .setPlayerId(playerId).setName(name).setRating(rating).setGateway(gateway)
        .setLastInputSeq(lastAppliedSeq).setPresent(present).setConnected(connected)
        .setDisconnectedAtTick(disconnectedAtTick).build();
  }

  /** Connected and still in the match: gets frames. */
  boolean reachable() {
    return present && connected;
  }
}
