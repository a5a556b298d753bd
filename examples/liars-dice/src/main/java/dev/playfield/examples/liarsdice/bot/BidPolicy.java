package dev.playfield.examples.liarsdice.bot;

import dev.playfield.examples.liarsdice.proto.Bid;
import dev.playfield.examples.liarsdice.proto.CallLiar;
import dev.playfield.examples.liarsdice.proto.LiarsDiceInput;
import dev.playfield.examples.liarsdice.proto.LiarsDiceState;
import dev.playfield.examples.liarsdice.proto.PlacedBid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How a bot plays its turn, from its own dice and the odds of the dice it cannot see: it calls
 * liar when that is likelier to win than its best raise is to hold, and raises otherwise.
 *
 * @param raiseBias how much likelier than it is a raise is taken to be: above 0, a bot that raises
 *     on thinner odds than it should
 * @param bluffChance how often to bid a random legal raise instead, unless the last bid is almost
 *     surely false
 */
record BidPolicy(double raiseBias, double bluffChance) {

  /** A last bid less likely than this to hold is called, never bluffed over. */
  private static final double SURELY_FALSE = 0.1;

  private record Option(int quantity, int face, double chance) {}

  /** The action for the state's current turn, which must be the bot's own. */
  LiarsDiceInput decide(LiarsDiceState state, RandomGenerator random) {
    int[] own = new int[7];
    state.getYourDiceList().forEach(die -> own[die]++);
    int unseen = state.getDiceInPlay() - state.getYourDiceCount();
    Optional<PlacedBid> last = state.getBidsCount() == 0
        ? Optional.empty() : Optional.of(state.getBids(state.getBidsCount() - 1));
    double lastHolds = last.map(bid -> chance(bid.getQuantity(), bid.getFace(), own, unseen)).orElse(1.0);
    List<Option> options = options(last, own, unseen, state.getDiceInPlay());
    Optional<Option> pick = options.stream().max(Comparator.comparingDouble(Option::chance).thenComparingInt(Option::face));
    boolean bluff = !options.isEmpty() && lastHolds >= SURELY_FALSE && random.nextDouble() < bluffChance;
    if (bluff) {
      pick = Optional.of(options.get(random.nextInt(options.size())));
    }
    LiarsDiceInput.Builder input = LiarsDiceInput.newBuilder().setTurn(state.getTurn());
    boolean call = last.isPresent() && !bluff
        && pick.map(option -> option.chance() + raiseBias < 1 - lastHolds).orElse(true);
    if (call) {
      return input.setCallLiar(CallLiar.getDefaultInstance()).build();
    }
    Option bid = pick.orElseThrow(); // an opening bid of 1 always fits a table with dice on it
    return input.setBid(Bid.newBuilder().setQuantity(bid.quantity()).setFace(bid.face())).build();
  }

  /** For each face, the lowest bid that beats the last one; to open, about what the table should show. */
  private static List<Option> options(Optional<PlacedBid> last, int[] own, int unseen, int diceInPlay) {
    List<Option> options = new ArrayList<>(6);
    for (int face = 1; face <= 6; face++) {
      int quantity;
      if (last.isEmpty()) {
        quantity = Math.max(1, own[face] + unseen / 6);
      } else {
        quantity = face > last.get().getFace() ? last.get().getQuantity() : last.get().getQuantity() + 1;
      }
      if (quantity <= diceInPlay) {
        options.add(new Option(quantity, face, chance(quantity, face, own, unseen)));
      }
    }
    return options;
  }

  private static double chance(int quantity, int face, int[] own, int unseen) {
    return BinomialOdds.atLeast(quantity - own[face], unseen);
  }
}
