package dev.playfield.examples.liarsdice;

import static dev.playfield.examples.liarsdice.Tables.bid;
import static dev.playfield.examples.liarsdice.Tables.bidding;
import static dev.playfield.examples.liarsdice.Tables.cup;
import static dev.playfield.examples.liarsdice.Tables.dice;
import static dev.playfield.examples.liarsdice.Tables.liar;
import static dev.playfield.examples.liarsdice.Tables.setup;
import static dev.playfield.examples.liarsdice.Tables.state;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.StringValue;
import dev.playfield.examples.liarsdice.proto.LiarsDiceInput;
import dev.playfield.examples.liarsdice.proto.LiarsDiceSnapshot;
import dev.playfield.examples.liarsdice.proto.LiarsDiceState;
import dev.playfield.examples.liarsdice.proto.PlacedBid;
import dev.playfield.examples.liarsdice.proto.Stage;
import dev.playfield.game.Game;
import dev.playfield.game.PlayerInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bids in turn, stepped by hand: who may bid, what beats what, and what a refused input does. */
class BiddingTest {

  private final Game game = bidding(setup(3), 0, cup(1, 2, 3, 4, 5), cup(2, 2, 6, 6, 6), cup(3, 3, 3, 4, 1));

  @Test
  void aBidPassesTheTurnToTheNextPlayerWithAFreshTimer() {
    game.tick(List.of(bid(0, 1, 3, 4)));

    LiarsDiceState table = state(game, 1);
    assertThat(table.getBidsList()).containsExactly(placed(0, 3, 4));
    assertThat(table.getCurrentPlayer()).isEqualTo(1);
    assertThat(table.getTurn()).isEqualTo(2);
    assertThat(table.getStage()).isEqualTo(Stage.STAGE_BIDDING);
    assertThat(table.getEndsAtTick()).isEqualTo(1 + 20 * Tables.TICK_RATE);
    assertThat(table.getStageTicks()).isEqualTo(20 * Tables.TICK_RATE);
    assertThat(table.getUpdatedAtTick()).isEqualTo(1);
  }

  @Test
  void theTurnGoesRoundTheTable() {
    game.tick(List.of(bid(0, 1, 3, 4)));
    game.tick(List.of(bid(1, 2, 3, 6)));
    game.tick(List.of(bid(2, 3, 4, 2)));

    assertThat(state(game, 0).getCurrentPlayer()).isEqualTo(0);
    assertThat(state(game, 0).getBidsList()).extracting(PlacedBid::getSlot).containsExactly(0, 1, 2);
  }

  @Test
  void moreDiceOfAnyFaceOrAsManyOfAHigherFaceBeatABid() {
    game.tick(List.of(bid(0, 1, 3, 4)));
    game.tick(List.of(bid(1, 2, 3, 5)));  // same quantity, higher face
    game.tick(List.of(bid(2, 3, 4, 1)));  // more dice, lower face

    assertThat(state(game, 0).getBidsList()).containsExactly(placed(0, 3, 4), placed(1, 3, 5), placed(2, 4, 1));
  }

  @Test
  void aBidThatDoesNotBeatTheLastIsIgnoredAndTheBidderToldWhy() {
    game.tick(List.of(bid(0, 1, 3, 4)));
    LiarsDiceState before = state(game, 1);

    game.tick(List.of(bid(1, 2, 3, 3)));

    LiarsDiceState after = state(game, 1);
    assertThat(after.getBidsList()).isEqualTo(before.getBidsList());
    assertThat(after.getCurrentPlayer()).isEqualTo(1);
    assertThat(after.getTurn()).isEqualTo(2);
    assertThat(after.getLastRejection()).contains("must beat 3 x 4");
    assertThat(state(game, 0).getLastRejection()).isEmpty();
  }

  @Test
  void theSameBidAgainDoesNotBeatIt() {
    game.tick(List.of(bid(0, 1, 3, 4)));
    game.tick(List.of(bid(1, 2, 3, 4)));

    assertThat(state(game, 1).getBidsCount()).isEqualTo(1);
    assertThat(state(game, 1).getLastRejection()).contains("must beat");
  }

  @Test
  void aPlayerWhoseTurnItIsNotIsIgnored() {
    game.tick(List.of(bid(2, 1, 3, 4)));

    assertThat(state(game, 2).getBidsList()).isEmpty();
    assertThat(state(game, 2).getLastRejection()).isEqualTo("it is player 0's turn, not yours");
    assertThat(state(game, 0).getCurrentPlayer()).isEqualTo(0);
  }

  @Test
  void anActionForATurnThatIsOverIsIgnored() {
    game.tick(List.of(bid(0, 1, 3, 4), bid(1, 1, 5, 5))); // player 1 had not seen the new bid

    assertThat(state(game, 1).getBidsList()).containsExactly(placed(0, 3, 4));
    assertThat(state(game, 1).getLastRejection()).isEqualTo("that was meant for turn 1; it is turn 2 now");
  }

  @Test
  void noBidMayNameMoreDiceThanThereAreInPlay() {
    game.tick(List.of(bid(0, 1, 16, 1)));

    assertThat(state(game, 0).getBidsList()).isEmpty();
    assertThat(state(game, 0).getLastRejection()).isEqualTo("there are only 15 dice in play");

    game.tick(List.of(bid(0, 1, 15, 1)));
    assertThat(state(game, 0).getBidsList()).containsExactly(placed(0, 15, 1));
  }

  @Test
  void liarCannotOpenARound() {
    game.tick(List.of(liar(0, 1)));

    assertThat(state(game, 0).getStage()).isEqualTo(Stage.STAGE_BIDDING);
    assertThat(state(game, 0).getLastRejection()).contains("no bid to call liar on");
  }

  @Test
  void anAppliedInputClearsTheLastRejection() {
    game.tick(List.of(liar(0, 1)));
    game.tick(List.of(bid(0, 1, 2, 2)));

    assertThat(state(game, 0).getLastRejection()).isEmpty();
  }

  @Test
  void malformedInputsAreIgnoredWithoutHarm() {
    LiarsDiceSnapshot before = Tables.snapshotOf(game);
    game.tick(List.of(
        new PlayerInput(0, LiarsDiceInput.newBuilder().setTurn(1).build()),            // no action
        new PlayerInput(0, bid(0, 1, 0, 3).input()),                                    // quantity 0
        new PlayerInput(0, bid(0, 1, 2, 7).input()),                                    // face 7
        new PlayerInput(0, bid(0, 0, 2, 3).input()),                                    // no turn
        new PlayerInput(0, StringValue.of("3 x 4")),                                     // another message
        new PlayerInput(9, bid(9, 1, 2, 3).input())));                                  // no such slot

    LiarsDiceState table = state(game, 0);
    assertThat(table.getBidsList()).isEmpty();
    assertThat(table.getCurrentPlayer()).isZero();
    assertThat(table.getLastRejection()).startsWith("expected playfield.liarsdice.LiarsDiceInput");
    LiarsDiceSnapshot after = Tables.snapshotOf(game);
    assertThat(after.getTick()).isEqualTo(1);
    LiarsDiceSnapshot.Builder onlyTheClockAndTheRejection = after.toBuilder().setTick(before.getTick());
    onlyTheClockAndTheRejection.getSeatsBuilder(0).clearLastRejection();
    assertThat(onlyTheClockAndTheRejection.build()).isEqualTo(before);
  }

  @Test
  void eachPlayerSeesTheirOwnDiceAndEveryonesDiceCount() {
    assertThat(state(game, 1).getYourDiceList()).isEqualTo(dice(2, 2, 6, 6, 6));
    assertThat(state(game, 1).getYou()).isEqualTo(1);
    assertThat(state(game, 1).getDiceInPlay()).isEqualTo(15);
    assertThat(state(game, 1).getPlayersList()).allSatisfy(seat -> assertThat(seat.getDice()).isEqualTo(5));
  }

  @Test
  void aViewDoesNotChangeWhileNothingHappens() {
    LiarsDiceState before = state(game, 1);
    Tables.idle(game, 50);
    assertThat(state(game, 1)).isEqualTo(before);
  }

  @Test
  void aStartedMatchDealsEveryPlayerTheirDiceFromTheSeed() {
    Game a = Tables.TYPE.create(setup(4, Map.of("dice-per-player", 3)));
    Game b = Tables.TYPE.create(setup(4, Map.of("dice-per-player", 3)));

    for (int slot = 0; slot < 4; slot++) {
      assertThat(state(a, slot).getYourDiceList()).hasSize(3).allSatisfy(die -> assertThat(die).isBetween(1, 6));
      assertThat(state(a, slot).getYourDiceList()).isEqualTo(state(b, slot).getYourDiceList());
    }
    assertThat(state(a, 0).getRound()).isEqualTo(1);
    assertThat(state(a, 0).getTurn()).isEqualTo(1);
    assertThat(state(a, 0).getStage()).isEqualTo(Stage.STAGE_BIDDING);
    assertThat(state(a, 0).getDicePerPlayer()).isEqualTo(3);
  }

  static PlacedBid placed(int slot, int quantity, int face) {
    return PlacedBid.newBuilder().setSlot(slot).setQuantity(quantity).setFace(face).build();
  }
}
