package dev.playfield.examples.liarsdice;

import static dev.playfield.examples.liarsdice.Tables.bid;
import static dev.playfield.examples.liarsdice.Tables.bidding;
import static dev.playfield.examples.liarsdice.Tables.cup;
import static dev.playfield.examples.liarsdice.Tables.idle;
import static dev.playfield.examples.liarsdice.Tables.liar;
import static dev.playfield.examples.liarsdice.Tables.setup;
import static dev.playfield.examples.liarsdice.Tables.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.playfield.examples.liarsdice.proto.LiarsDiceState;
import dev.playfield.examples.liarsdice.proto.RoundEnd;
import dev.playfield.examples.liarsdice.proto.SeatStatus;
import dev.playfield.examples.liarsdice.proto.Stage;
import dev.playfield.game.Game;
import dev.playfield.game.Standing;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A player leaving mid-game is out at once with their dice; the game goes on without them. */
class LeaveTest {

  private static final int TURN_TICKS = 20 * Tables.TICK_RATE;

  // Three 3s and three 6s on the table.
  private final Game game = bidding(setup(3), 0, cup(1, 2, 3, 4, 5), cup(2, 2, 6, 6, 6), cup(3, 3, 4, 4, 1));

  @Test
  void leavingOnTurnHandsTheTurnToTheNextPlayerWithAFreshTimer() {
    idle(game, 30);
    game.leave(0);

    LiarsDiceState table = state(game, 1);
    assertThat(table.getPlayers(0).getStatus()).isEqualTo(SeatStatus.SEAT_STATUS_LEFT);
    assertThat(table.getPlayers(0).getDice()).isZero();
    assertThat(table.getPlayers(0).getOutOrder()).isEqualTo(1);
    assertThat(table.getDiceInPlay()).isEqualTo(10);
    assertThat(table.getCurrentPlayer()).isEqualTo(1);
    assertThat(table.getTurn()).isEqualTo(2);
    assertThat(table.getEndsAtTick()).isEqualTo(30 + TURN_TICKS);
    assertThat(table.getUpdatedAtTick()).isEqualTo(30);
    assertThat(state(game, 0).getYourDiceList()).isEmpty();
  }

  @Test
  void leavingOffTurnLeavesTheTurnAlone() {
    bid(game, 2, 2);
    LiarsDiceState before = state(game, 0);
    game.leave(0);

    LiarsDiceState table = state(game, 1);
    assertThat(table.getCurrentPlayer()).isEqualTo(1);
    assertThat(table.getTurn()).isEqualTo(before.getTurn());
    assertThat(table.getEndsAtTick()).isEqualTo(before.getEndsAtTick());
    assertThat(table.getBidsList()).isEqualTo(before.getBidsList());
    assertThat(table.getDiceInPlay()).isEqualTo(10);
  }

  @Test
  void whenOnePlayerRemainsTheyWin() {
    game.leave(2);
    assertThat(game.finished()).isFalse();
    game.leave(0);

    assertThat(game.finished()).isTrue();
    assertThat(state(game, 1).getStage()).isEqualTo(Stage.STAGE_GAME_OVER);
    assertThat(state(game, 1).getWinner()).isEqualTo(1);
    assertThat(state(game, 1).hasRoundEnd()).isFalse();
    assertThat(game.standings()).containsExactly(
        new Standing(1, 1, 2), new Standing(0, 2, 0), new Standing(2, 2, 0));
  }

  @Test
  void aTickAfterALeaveEndedTheMatchChangesNothing() {
    game.leave(2);
    game.leave(0);
    byte[] over = game.snapshot();

    game.tick(List.of(bid(1, 1, 1, 1)));

    assertThat(game.snapshot()).isEqualTo(over);
    assertThat(game.finished()).isTrue();
  }

  @Test
  void aLeaversFalseBidCalledCostsNobodyADie() {
    bid(game, 4, 3);   // player 0: false once their own 3 is gone, and false before
    game.leave(0);
    liar(game);        // player 1 calls the bid of a player who left

    RoundEnd end = state(game, 1).getRoundEnd();
    assertThat(end.getActualCount()).as("the leaver's dice are not counted").isEqualTo(2);
    assertThat(end.getHandsList()).extracting(hand -> hand.getSlot()).containsExactly(1, 2);
    assertThat(end.getDieLost()).isFalse();
    assertThat(state(game, 1).getPlayersList()).extracting(seat -> seat.getDice()).containsExactly(0, 5, 5);
    assertThat(state(game, 1).getCurrentPlayer()).as("the caller opens the next round").isEqualTo(1);
  }

  @Test
  void aLeaversBidThatHoldsCostsTheCallerADie() {
    bid(game, 3, 6);
    game.leave(0);
    liar(game);

    RoundEnd end = state(game, 1).getRoundEnd();
    assertThat(end.getDieLost()).isTrue();
    assertThat(end.getLoser()).isEqualTo(1);
  }

  @Test
  void theNextRoundSkipsAnOpenerWhoLeftDuringTheReveal() {
    bid(game, 4, 6);   // false: player 0 loses a die and would open
    liar(game);
    game.leave(0);
    idle(game, 5 * Tables.TICK_RATE);

    assertThat(state(game, 1).getStage()).isEqualTo(Stage.STAGE_BIDDING);
    assertThat(state(game, 1).getCurrentPlayer()).isEqualTo(1);
  }

  @Test
  void aPlayerAlreadyOutLeavingChangesNothing() {
    Game three = bidding(setup(3), 0, cup(1), cup(2), cup(3, 3));
    bid(three, 2, 6);
    liar(three);       // player 0 is eliminated
    byte[] before = three.snapshot();
    three.leave(0);

    assertThat(three.snapshot()).isEqualTo(before);
    assertThat(state(three, 1).getPlayers(0).getStatus()).isEqualTo(SeatStatus.SEAT_STATUS_ELIMINATED);
  }

  @Test
  void leaversRankLastAndShareTheirPlace() {
    Game four = bidding(setup(4), 0, cup(1, 1), cup(2, 2), cup(3), cup(4, 4));
    four.leave(1);
    four.leave(3);
    bid(four, 2, 3);   // player 0: false
    liar(four);        // player 2 calls; player 0 loses a die

    assertThat(four.finished()).isFalse();
    assertThat(four.standings()).as("while it lasts, those in rank by dice held").containsExactly(
        new Standing(0, 1, 2), new Standing(2, 1, 2), new Standing(1, 3, 0), new Standing(3, 3, 0));
  }

  @Test
  void aSlotThatIsNotThereIsRefused() {
    assertThatThrownBy(() -> game.leave(3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> game.absent(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> game.view(3)).isInstanceOf(IllegalArgumentException.class);
  }
}
