package dev.playfield.room;

import dev.playfield.protocol.internal.Seat;
import dev.playfield.protocol.internal.SeatRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A room's seats, by slot and by player. Plain state, touched only on the room's thread. */
final class Seats {

  private final List<SeatState> bySlot;
  private final Map<String, SeatState> byPlayer = new LinkedHashMap<>();

  private Seats(List<SeatState> bySlot) {
    this.bySlot = Collections.unmodifiableList(bySlot);
    bySlot.forEach(seat -> byPlayer.put(seat.playerId, seat));
  }

  /** The players as the matchmaker seated them, slot by slot. */
  static Seats seated(List<Seat> players, int queueCapacity, InputDrops drops) {
    return build(players, queueCapacity, drops, SeatState::of);
  }

  /** The seats of a replicated record. */
  static Seats restored(List<SeatRecord> saved, int queueCapacity, InputDrops drops) {
    return build(saved, queueCapacity, drops, SeatState::of);
  }

  private static <T> Seats build(List<T> from, int queueCapacity, InputDrops drops,
      SeatFactory<T> factory) {
    List<SeatState> seats = new ArrayList<>(from.size());
    for (T seat : from) {
      seats.add(factory.make(seat, seats.size(), new InputQueue(queueCapacity, drops)));
    }
    return new Seats(seats);
  }

  @FunctionalInterface
  private interface SeatFactory<T> {
    SeatState make(T seat, int slot, InputQueue inputs);
  }

  /** The player's seat, or null when they do not sit here. */
  SeatState of(String playerId) {
    return byPlayer.get(playerId);
  }

  SeatState at(int slot) {
    return bySlot.get(slot);
  }

  List<SeatState> all() {
    return bySlot;
  }

  int size() {
    return bySlot.size();
  }

  /** True while at least one player is still in the match. */
  boolean anyPresent() {
    return bySlot.stream().anyMatch(s -> s.present);
  }

  /** True while at least one player in the match is connected. */
  boolean anyReachable() {
    return bySlot.stream().anyMatch(SeatState::reachable);
  }

  /** Gateways of the players still present and connected, each once. */
  List<String> reachableGateways() {
    return bySlot.stream().filter(SeatState::reachable).map(s -> s.gateway).distinct().toList();
  }

  /** The last known gateway of every player, left or not, each once: where a match end goes. */
  List<String> everyGateway() {
    return bySlot.stream().map(s -> s.gateway).distinct().toList();
  }

  List<Seat> asSeats() {
    return bySlot.stream().map(SeatState::toSeat).toList();
  }

  List<SeatRecord> asRecords() {
    return bySlot.stream().map(SeatState::toRecord).toList();
  }

  /** Players still in the match whose connection has been gone more than {@code graceTicks}. */
  List<String> pastGrace(long tick, long graceTicks) {
    List<String> out = new ArrayList<>();
    for (SeatState seat : bySlot) {
      if (seat.present && !seat.connected && tick - seat.disconnectedAtTick > graceTicks) {
        out.add(seat.playerId);
      }
    }
    return out;
  }
}
