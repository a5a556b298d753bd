package dev.playfield.examples.liarsdice;

import com.google.protobuf.Message;
import dev.playfield.examples.liarsdice.proto.Hand;
import dev.playfield.examples.liarsdice.proto.LiarsDiceInput;
import dev.playfield.examples.liarsdice.proto.RoundEnd;
import dev.playfield.examples.liarsdice.proto.RoundEndCause;
import dev.playfield.examples.liarsdice.proto.Stage;
import dev.playfield.game.PlayerInput;
import java.util.List;
import java.util.Optional;

/**
 * The rules of Liar's Dice, applied to a {@link Table}: bids, challenges, the turn timer, players
 * leaving, and the rounds that follow one another until one player has dice left.
 *
 * <p>A turn that runs out costs the player whose turn it was a die, as a challenge lost would, and
 * ends the round without lifting any cup; that player opens the next round (or, if it was their
 * last die, the next player still in does). A player who leaves is out at once with their dice;
 * the bids they made stand, and if one of them is called and proves false nobody loses a die.
 */
final class Referee {

  private final LiarsDiceRules rules;
  private final Table table;

  Referee(LiarsDiceRules rules, Table table) {
    this.rules = rules;
    this.table = table;
  }

  /** Starts the first round, opened by a player drawn from the seed; a lone player has won already. */
  void openMatch() {
    newRound(table.rng().nextInt(table.players()));
    if (table.inCount() < 2) {
      table.endGame();
    }
  }

  /** One game tick: the inputs in their order, then the clock of the current stage. */
  void tick(List<PlayerInput> inputs) {
    table.advanceTick();
    for (PlayerInput input : inputs) {
      if (table.stage() == Stage.STAGE_GAME_OVER) {
        return;
      }
      apply(input);
    }
    boolean due = table.tick() >= table.endsAt();
    if (due && table.stage() == Stage.STAGE_BIDDING) {
      timeOut();
    } else if (due && table.stage() == Stage.STAGE_ROUND_OVER) {
      newRound(table.current());
    }
  }

  /** The player in {@code slot} has left the match: out at once, their dice with them. */
  void leave(int slot) {
    Seat seat = table.seat(slot);
    if (!seat.in() || table.stage() == Stage.STAGE_GAME_OVER) {
      return; // already out, or the result is settled: nothing at the table changes
    }
    boolean theirTurn = table.stage() == Stage.STAGE_BIDDING && table.current() == slot;
    seat.leave(table.nextOut(), table.round());
    table.touched();
    if (table.inCount() < 2) {
      table.endGame();
    } else if (theirTurn) {
      table.startTurn(table.nextInAfter(slot), rules.turnTicks());
    }
  }

  private void apply(PlayerInput input) {
    if (input.slot() < 0 || input.slot() >= table.players()) {
      return; // nobody to tell; the host never sends such an input
    }
    Seat seat = table.seat(input.slot());
    Message message = input.input();
    Optional<String> why = InputCheck.rejectReason(message)
        .or(() -> reasonAgainst(seat, (LiarsDiceInput) message));
    if (why.isPresent()) {
      table.reject(seat, why.get());
      return;
    }
    table.reject(seat, "");
    LiarsDiceInput action = (LiarsDiceInput) message;
    if (action.hasBid()) {
      table.addBid(new Claim(seat.slot(), action.getBid().getQuantity(), action.getBid().getFace()));
      table.startTurn(table.nextInAfter(seat.slot()), rules.turnTicks());
    } else {
      challenge(seat.slot());
    }
  }

  /** Why this (well-formed) action does not fit the table now, or empty when it does. */
  private Optional<String> reasonAgainst(Seat seat, LiarsDiceInput action) {
    if (table.stage() == Stage.STAGE_ROUND_OVER) {
      return Optional.of("round " + table.round() + " is over; the next one starts shortly");
    }
    if (!seat.in()) {
      return Optional.of("you are out of the game");
    }
    if (seat.slot() != table.current()) {
      return Optional.of("it is player " + table.current() + "'s turn, not yours");
    }
    if (action.getTurn() != table.turn()) {
      return Optional.of("that was meant for turn " + action.getTurn() + "; it is turn " + table.turn() + " now");
    }
    Optional<Claim> last = table.lastBid();
    if (action.hasCallLiar()) {
      return last.isPresent()
          ? Optional.empty()
          : Optional.of("there is no bid to call liar on: open the round with a bid");
    }
    Claim bid = new Claim(seat.slot(), action.getBid().getQuantity(), action.getBid().getFace());
    if (bid.quantity() > table.diceInPlay()) {
      return Optional.of("there are only " + table.diceInPlay() + " dice in play");
    }
    if (last.isPresent() && !bid.beats(last.get())) {
      return Optional.of("a bid must beat " + last.get() + ": more dice, or as many of a higher face");
    }
    return Optional.empty();
  }

  /** Every cup is lifted; the bidder loses a die if the bid was false, the caller if it held. */
  private void challenge(int challenger) {
    Claim called = table.lastBid().orElseThrow();
    RoundEnd.Builder outcome = RoundEnd.newBuilder()
        .setRound(table.round())
        .setCause(RoundEndCause.ROUND_END_CAUSE_CHALLENGE)
        .setChallengedBid(called.toProto())
        .setChallenger(challenger);
    int shown = 0;
    for (Seat seat : table.seats()) {
      if (seat.in()) {
        shown += seat.count(called.face());
        Hand.Builder hand = Hand.newBuilder().setSlot(seat.slot());
        for (int die : seat.cup()) {
          hand.addDice(die);
        }
        outcome.addHands(hand);
      }
    }
    outcome.setActualCount(shown);
    int loser = shown >= called.quantity() ? challenger : called.bidder();
    if (table.seat(loser).in()) {
      outcome.setDieLost(true).setLoser(loser).setEliminated(loseDie(loser));
      finishRound(outcome.build(), loser);
    } else {
      finishRound(outcome.build(), challenger); // the false bid's bidder has left: no die to take
    }
  }

  /** The player to act let the turn run out: it costs them a die, and the round. */
  private void timeOut() {
    int loser = table.current();
    boolean eliminated = loseDie(loser);
    finishRound(RoundEnd.newBuilder()
        .setRound(table.round())
        .setCause(RoundEndCause.ROUND_END_CAUSE_TIMEOUT)
        .setDieLost(true)
        .setLoser(loser)
        .setEliminated(eliminated)
        .build(), loser);
  }

  /** Returns true when it was the player's last die. */
  private boolean loseDie(int slot) {
    Seat seat = table.seat(slot);
    seat.loseDie();
    if (seat.diceCount() > 0) {
      return false;
    }
    seat.eliminate(table.nextOut(), table.round());
    return true;
  }

  private void finishRound(RoundEnd outcome, int opener) {
    table.endRound(outcome, opener, rules.revealTicks());
    if (table.inCount() < 2) {
      table.endGame();
    }
  }

  /** Everyone still in rolls; {@code opener} bids first, or the next player in if they are out. */
  private void newRound(int opener) {
    table.startRound();
    for (Seat seat : table.seats()) {
      if (seat.in()) {
        seat.roll(table.rng());
      }
    }
    int first = table.seat(opener).in() ? opener : table.nextInAfter(opener);
    table.startTurn(first, rules.turnTicks());
  }
}
