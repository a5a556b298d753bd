package dev.playfield.examples.liarsdice.bot;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.playfield.examples.liarsdice.proto.LiarsDiceState;
import dev.playfield.examples.liarsdice.proto.Stage;
import dev.playfield.game.bot.BotPlayer;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One Liar's Dice bot: keeps the newest state it was sent and, when that state says it is the
 * bot's turn, answers it once. A turn already answered is never answered again, even while the
 * answer is on its way and the states still show the old turn.
 */
final class LiarsDiceBot implements BotPlayer {

  private final BidPolicy policy;
  private final SplittableRandom random;
  private LiarsDiceState latest;
  private int answeredTurn;

  LiarsDiceBot(BidPolicy policy, long seed) {
    this.policy = policy;
    this.random = new SplittableRandom(seed);
  }

  @Override
  public void matchStarted(int slot, int players) {
    latest = null;
    answeredTurn = 0;
  }

  /** Ignores anything that is not a {@link LiarsDiceState}: a bot must never fail its simulator. */
  @Override
  public void observe(Any state) {
    if (!state.is(LiarsDiceState.class)) {
      return;
    }
    try {
      LiarsDiceState next = state.unpack(LiarsDiceState.class);
      if (next.getTurn() < answeredTurn) {
        answeredTurn = 0; // turns only grow within a match: this is a new one
      }
      latest = next;
    } catch (InvalidProtocolBufferException e) {
      // a corrupt state is skipped; the next one replaces it
    }
  }

  @Override
  public Optional<Message> nextInput(long nowNanos) {
    LiarsDiceState state = latest;
    boolean myTurn = state != null && state.getStage() == Stage.STAGE_BIDDING
        && state.getCurrentPlayer() == state.getYou() && state.getTurn() != answeredTurn;
    if (!myTurn) {
      return Optional.empty();
    }
    answeredTurn = state.getTurn();
    return Optional.of(policy.decide(state, random));
  }
}
