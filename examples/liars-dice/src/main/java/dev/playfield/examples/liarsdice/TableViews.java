package dev.playfield.examples.liarsdice;

import dev.playfield.examples.liarsdice.proto.LiarsDiceState;
import dev.playfield.examples.liarsdice.proto.PlayerSeat;
import dev.playfield.examples.liarsdice.proto.Stage;

/**
 * Builds what one player sees of the table. The player's own cup is the only hidden thing a view
 * shows; other cups appear only in the round's outcome once a challenge has lifted them all.
 * Nothing here depends on the current tick, so a view changes only when the table does.
 */
final class TableViews {

  private TableViews() {}

  static LiarsDiceState of(Table table, LiarsDiceRules rules, int slot) {
    Seat you = table.seat(slot);
    LiarsDiceState.Builder view = LiarsDiceState.newBuilder()
        .setYou(slot)
        .setStage(table.stage())
        .setRound(table.round())
        .setTurn(table.turn())
        .setCurrentPlayer(table.current())
        .setDiceInPlay(table.diceInPlay())
        .setEndsAtTick(table.endsAt())
        .setStageTicks(stageTicks(table.stage(), rules))
        .setUpdatedAtTick(table.updatedAt())
        .setLastRejection(you.lastRejection())
        .setDicePerPlayer(rules.dicePerPlayer());
    for (int die : you.cup()) {
      view.addYourDice(die);
    }
    table.bids().forEach(bid -> view.addBids(bid.toProto()));
    for (Seat seat : table.seats()) {
      view.addPlayers(PlayerSeat.newBuilder()
          .setSlot(seat.slot())
          .setDice(seat.diceCount())
          .setStatus(seat.status())
          .setOutOrder(seat.outOrder())
          .setOutRound(seat.outRound()));
    }
    table.roundEnd().ifPresent(view::setRoundEnd);
    table.winner().ifPresent(winner -> view.setWinner(winner.slot()));
    return view.build();
  }

  private static int stageTicks(Stage stage, LiarsDiceRules rules) {
    return switch (stage) {
      case STAGE_BIDDING -> rules.turnTicks();
      case STAGE_ROUND_OVER -> rules.revealTicks();
      default -> 0;
    };
  }
}
