package dev.playfield.examples.liarsdice.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import com.google.protobuf.StringValue;
import dev.playfield.examples.liarsdice.proto.LiarsDiceInput;
import dev.playfield.examples.liarsdice.proto.LiarsDiceState;
import dev.playfield.examples.liarsdice.proto.PlacedBid;
import dev.playfield.examples.liarsdice.proto.Stage;
import dev.playfield.game.bot.BotPlayer;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** One bot against states written by hand: when it answers, how often, and what. */
class LiarsDiceBotTest {

  private final LiarsDiceBots bots = new LiarsDiceBots();
  private final BotPlayer bot = bots.create("cautious", 1);

  @Test
  void namesItsGameAndBehaviours() {
    assertThat(bots.game()).isEqualTo("liars-dice");
    assertThat(bots.behaviours()).containsExactly("cautious", "bluffer");
    assertThatThrownBy(() -> bots.create("reckless", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cautious, bluffer");
  }

  @Test
  void staysQuietWhenItIsNotItsTurn() {
    bot.observe(Any.pack(turn(7, 1, 0).build()));
    assertThat(bot.nextInput(0)).isEmpty();
    bot.observe(Any.pack(turn(7, 0, 0).setStage(Stage.STAGE_ROUND_OVER).build()));
    assertThat(bot.nextInput(0)).isEmpty();
  }

  @Test
  void answersItsTurnOnceAndTheNextTurnAgain() {
    bot.observe(Any.pack(turn(7, 0, 0).build()));
    Optional<Message> first = bot.nextInput(0);
    assertThat(first).hasValueSatisfying(input -> assertThat(((LiarsDiceInput) input).getTurn()).isEqualTo(7));
    assertThat(bot.nextInput(1)).as("the same turn is answered once").isEmpty();
    bot.observe(Any.pack(turn(7, 0, 0).build()));
    assertThat(bot.nextInput(2)).as("even when the state comes again").isEmpty();

    bot.observe(Any.pack(turn(9, 0, 0).build()));
    assertThat(bot.nextInput(3)).hasValueSatisfying(input -> assertThat(((LiarsDiceInput) input).getTurn()).isEqualTo(9));
  }

  @Test
  void aNewMatchStartsItsTurnsAfresh() {
    bot.observe(Any.pack(turn(1, 0, 0).build()));
    assertThat(bot.nextInput(0)).isPresent();
    bot.matchStarted(0, 2);
    bot.observe(Any.pack(turn(1, 0, 0).build()));
    assertThat(bot.nextInput(1)).isPresent();
  }

  @Test
  void opensWithABidAndCallsAnImpossibleOne() {
    bot.observe(Any.pack(turn(1, 0, 0).build()));
    assertThat(((LiarsDiceInput) bot.nextInput(0).orElseThrow()).hasBid()).isTrue();

    bot.observe(Any.pack(turn(2, 0, 0).addBids(PlacedBid.newBuilder().setSlot(1).setQuantity(4).setFace(6)).build()));
    assertThat(((LiarsDiceInput) bot.nextInput(1).orElseThrow()).hasCallLiar()).isTrue();
  }

  @Test
  void raisesABidItsOwnDiceMakeSafe() {
    bot.observe(Any.pack(turn(2, 0, 0).addBids(PlacedBid.newBuilder().setSlot(1).setQuantity(1).setFace(1)).build()));
    LiarsDiceInput input = (LiarsDiceInput) bot.nextInput(0).orElseThrow();
    assertThat(input.hasBid()).isTrue();
    assertThat(input.getBid().getFace()).as("it holds two 2s").isEqualTo(2);
    assertThat(input.getBid().getQuantity()).isEqualTo(1);
  }

  @Test
  void theBlufferRaisesWhereTheCautiousBotCalls() {
    SplittableRandom tables = new SplittableRandom(3);
    int cautiousRaises = 0;
    int blufferRaises = 0;
    for (int game = 0; game < 500; game++) {
      LiarsDiceState state = someTurn(tables);
      cautiousRaises += raises(bots.create("cautious", game), state) ? 1 : 0;
      blufferRaises += raises(bots.create("bluffer", game), state) ? 1 : 0;
    }
    assertThat(cautiousRaises).isBetween(50, 450);
    assertThat(blufferRaises).isGreaterThan(cautiousRaises + 50);
  }

  @Test
  void ignoresStatesOfAnotherGame() {
    bot.observe(Any.pack(StringValue.of("arena")));
    assertThat(bot.nextInput(0)).isEmpty();
  }

  private static boolean raises(BotPlayer bot, LiarsDiceState state) {
    bot.observe(Any.pack(state));
    return ((LiarsDiceInput) bot.nextInput(0).orElseThrow()).hasBid();
  }

  /** The bot's turn at a table of 2 to 20 dice, the bot holding some, after a bid of about what the table holds. */
  private static LiarsDiceState someTurn(SplittableRandom random) {
    int inPlay = random.nextInt(2, 21);
    int own = random.nextInt(1, Math.min(5, inPlay - 1) + 1);
    LiarsDiceState.Builder state = turn(3, 0, 0).clearYourDice().setDiceInPlay(inPlay);
    random.ints(own, 1, 7).sorted().forEach(state::addYourDice);
    int quantity = Math.max(1, Math.min(inPlay, inPlay / 3 + random.nextInt(-1, 2)));
    return state.addBids(PlacedBid.newBuilder().setSlot(1).setQuantity(quantity).setFace(random.nextInt(1, 7))).build();
  }

  /** Turn {@code turn}, {@code current} to play, the bot in {@code you} holding two 2s of four dice in play. */
  private static LiarsDiceState.Builder turn(int turn, int current, int you) {
    return LiarsDiceState.newBuilder().setYou(you).setStage(Stage.STAGE_BIDDING).setTurn(turn).setRound(1)
        .setCurrentPlayer(current).addAllYourDice(List.of(2, 2)).setDiceInPlay(4);
  }
}
