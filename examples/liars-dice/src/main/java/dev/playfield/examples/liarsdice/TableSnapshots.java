package dev.playfield.examples.liarsdice;

import dev.playfield.examples.liarsdice.proto.LiarsDiceSnapshot;
import dev.playfield.examples.liarsdice.proto.SnapshotSeat;

/**
 * Writes a {@link Table} as a {@link LiarsDiceSnapshot}; {@link SnapshotReader} reads one back.
 * Everything the match is goes in, the generator's state included, so a restored match goes on
 * exactly as the original would have.
 */
final class TableSnapshots {

  /** What a snapshot's {@code game} field holds, so one of another game is refused. */
  static final String GAME = "liars-dice";

  private TableSnapshots() {}

  static byte[] write(Table table) {
    LiarsDiceSnapshot.Builder snapshot = LiarsDiceSnapshot.newBuilder()
        .setGame(GAME)
        .setTick(table.tick())
        .setRngState(table.rng().state())
        .setRound(table.round())
        .setTurn(table.turn())
        .setStage(table.stage())
        .setCurrentPlayer(table.current())
        .setEndsAtTick(table.endsAt())
        .setUpdatedAtTick(table.updatedAt())
        .setOuts(table.outs());
    for (Seat seat : table.seats()) {
      SnapshotSeat.Builder written = SnapshotSeat.newBuilder()
          .setSlot(seat.slot())
          .setStatus(seat.status())
          .setOutOrder(seat.outOrder())
          .setOutRound(seat.outRound())
          .setLastRejection(seat.lastRejection());
      for (int die : seat.cup()) {
        written.addDice(die);
      }
      snapshot.addSeats(written);
    }
    table.bids().forEach(bid -> snapshot.addBids(bid.toProto()));
    table.roundEnd().ifPresent(snapshot::setRoundEnd);
    return snapshot.build().toByteArray();
  }
}
