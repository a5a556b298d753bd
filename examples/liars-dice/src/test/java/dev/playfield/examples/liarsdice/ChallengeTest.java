package dev.playfield.examples.liarsdice;

import static dev.playfield.examples.liarsdice.BiddingTest.placed;
import static dev.playfield.examples.liarsdice.Tables.bid;
import static dev.playfield.examples.liarsdice.Tables.bidding;
import static dev.playfield.examples.liarsdice.Tables.cup;
import static dev.playfield.examples.liarsdice.Tables.dice;
import static dev.playfield.examples.liarsdice.Tables.idle;
import static dev.playfield.examples.liarsdice.Tables.liar;
import static dev.playfield.examples.liarsdice.Tables.setup;
import static dev.playfield.examples.liarsdice.Tables.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.examples.liarsdice.proto.Hand;
import dev.playfield.examples.liarsdice.proto.LiarsDiceState;
import dev.playfield.examples.liarsdice.proto.PlayerSeat;
import dev.playfield.examples.liarsdice.proto.RoundEnd;
import dev.playfield.examples.liarsdice.proto.RoundEndCause;
import dev.playfield.examples.liarsdice.proto.SeatStatus;
import dev.playfield.examples.liarsdice.proto.Stage;
import dev.playfield.game.Game;
import dev.playfield.game.Standing;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calling liar, stepped by hand: who loses the die, what is revealed, and what comes next. */
class ChallengeTest {

  private static final int REVEAL_TICKS = 5 * Tables.TICK_RATE;

  // Four 3s and three 6s on the table.
  private final Game game = bidding(setup(3), 0, cup(1, 2, 3, 4, 5), cup(2, 2, 6, 6, 6), cup(3, 3, 3, 4, 1));

  @Test
  void aBidThatHoldsCostsTheCallerADie() {
    bid(game, 4, 3);   // exactly four 3s: the bid holds
    liar(game);        // player 1 calls it

    LiarsDiceState table = state(game, 2);
    assertThat(table.getStage()).isEqualTo(Stage.STAGE_ROUND_OVER);
    RoundEnd end = table.getRoundEnd();
    assertThat(end.getCause()).isEqualTo(RoundEndCause.ROUND_END_CAUSE_CHALLENGE);
    assertThat(end.getChallengedBid()).isEqualTo(placed(0, 4, 3));
    assertThat(end.getChallenger()).isEqualTo(1);
    assertThat(end.getActualCount()).isEqualTo(4);
    assertThat(end.getDieLost()).isTrue();
    assertThat(end.getLoser()).isEqualTo(1);
    assertThat(end.getEliminated()).isFalse();
    assertThat(table.getPlayersList()).extracting(PlayerSeat::getDice).containsExactly(5, 4, 5);
    assertThat(state(game, 1).getYourDiceList()).hasSize(4);
  }

  @Test
  void aFalseBidCostsTheBidderADie() {
    bid(game, 4, 6);   // only three 6s
    liar(game);

    RoundEnd end = state(game, 0).getRoundEnd();
    assertThat(end.getActualCount()).isEqualTo(3);
    assertThat(end.getLoser()).isZero();
    assertThat(state(game, 0).getPlayersList()).extracting(PlayerSeat::getDice).containsExactly(4, 5, 5);
  }

  @Test
  void aChallengeLiftsEveryCupForEveryone() {
    bid(game, 4, 3);
    liar(game);

    List<Hand> expected = List.of(hand(0, 1, 2, 3, 4, 5), hand(1, 2, 2, 6, 6, 6), hand(2, 1, 3, 3, 3, 4));
    for (int slot = 0; slot < 3; slot++) {
      assertThat(state(game, slot).getRoundEnd().getHandsList()).isEqualTo(expected);
    }
  }

  @Test
  void theLoserOpensTheNextRoundWithFreshDiceAfterTheReveal() {
    bid(game, 4, 6);
    liar(game);
    long revealedAt = Tables.snapshotOf(game).getTick();
    assertThat(state(game, 0).getEndsAtTick()).isEqualTo(revealedAt + REVEAL_TICKS);
    assertThat(state(game, 0).getStageTicks()).isEqualTo(REVEAL_TICKS);

    idle(game, REVEAL_TICKS - 1);
    assertThat(state(game, 0).getStage()).isEqualTo(Stage.STAGE_ROUND_OVER);
    idle(game, 1);

    LiarsDiceState table = state(game, 0);
    assertThat(table.getStage()).isEqualTo(Stage.STAGE_BIDDING);
    assertThat(table.getRound()).isEqualTo(2);
    assertThat(table.getCurrentPlayer()).isZero();
    assertThat(table.getBidsList()).isEmpty();
    assertThat(table.hasRoundEnd()).isFalse();
    assertThat(table.getYourDiceList()).hasSize(4);
    assertThat(table.getDiceInPlay()).isEqualTo(14);
  }

  @Test
  void inputsDuringTheRevealAreIgnored() {
    bid(game, 4, 3);
    liar(game);
    game.tick(List.of(bid(1, state(game, 1).getTurn(), 1, 1)));

    assertThat(state(game, 1).getStage()).isEqualTo(Stage.STAGE_ROUND_OVER);
    assertThat(state(game, 1).getLastRejection()).isEqualTo("round 1 is over; the next one starts shortly");
  }

  @Test
  void losingTheLastDieEliminatesAndTheLastPlayerWithDiceWins() {
    Game duel = bidding(setup(2), 0, cup(6), cup(2, 3));
    bid(duel, 2, 6);
    liar(duel);

    assertThat(duel.finished()).isTrue();
    LiarsDiceState table = state(duel, 0);
    assertThat(table.getStage()).isEqualTo(Stage.STAGE_GAME_OVER);
    assertThat(table.getWinner()).isEqualTo(1);
    assertThat(table.getEndsAtTick()).isZero();
    assertThat(table.getRoundEnd().getEliminated()).isTrue();
    assertThat(table.getRoundEnd().getHandsList()).isEqualTo(List.of(hand(0, 6), hand(1, 2, 3)));
    assertThat(table.getPlayers(0).getStatus()).isEqualTo(SeatStatus.SEAT_STATUS_ELIMINATED);
    assertThat(table.getPlayers(0).getOutOrder()).isEqualTo(1);
    assertThat(table.getPlayers(0).getOutRound()).isEqualTo(1);
    assertThat(state(duel, 0).getYourDiceList()).isEmpty();
    assertThat(duel.standings()).containsExactly(new Standing(1, 1, 1), new Standing(0, 2, 0));
  }

  @Test
  void theGameGoesOnWithoutAnEliminatedPlayerWhoseNeighbourOpens() {
    Game three = bidding(setup(3), 0, cup(1, 1), cup(2), cup(3, 3));
    bid(three, 1, 5);  // player 0: no 5 anywhere
    bid(three, 1, 6);  // player 1: no 6 either
    liar(three);       // player 2 calls; player 1 loses the only die

    assertThat(state(three, 0).getRoundEnd().getEliminated()).isTrue();
    idle(three, REVEAL_TICKS);

    LiarsDiceState table = state(three, 0);
    assertThat(table.getStage()).isEqualTo(Stage.STAGE_BIDDING);
    assertThat(table.getCurrentPlayer()).isEqualTo(2);
    assertThat(table.getPlayersList()).extracting(PlayerSeat::getStatus).containsExactly(
        SeatStatus.SEAT_STATUS_IN, SeatStatus.SEAT_STATUS_ELIMINATED, SeatStatus.SEAT_STATUS_IN);

    bid(three, 1, 1);  // player 2
    bid(three, 1, 2);  // player 0
    assertThat(state(three, 0).getCurrentPlayer()).as("the eliminated player is skipped").isEqualTo(2);
    three.tick(List.of(liar(1, state(three, 1).getTurn())));
    assertThat(state(three, 1).getLastRejection()).isEqualTo("you are out of the game");
  }

  @Test
  void standingsPutTheWinnerFirstThenTheLaterEliminated() {
    Game three = bidding(setup(3), 0, cup(1), cup(2), cup(3));
    bid(three, 2, 6);   // player 0: false
    liar(three);        // player 1 calls: player 0 is out first
    idle(three, REVEAL_TICKS);
    assertThat(state(three, 0).getCurrentPlayer()).isEqualTo(1);
    bid(three, 1, 4);   // player 1: false
    liar(three);        // player 2 calls: player 1 is out second

    assertThat(three.finished()).isTrue();
    assertThat(three.standings()).containsExactly(
        new Standing(2, 1, 2), new Standing(1, 2, 1), new Standing(0, 3, 0));
  }

  private static Hand hand(int slot, int... dice) {
    return Hand.newBuilder().setSlot(slot).addAllDice(dice(dice)).build();
  }
}
