package dev.playfield.examples.liarsdice;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import dev.playfield.examples.liarsdice.proto.LiarsDiceInput;
import dev.playfield.examples.liarsdice.proto.LiarsDiceState;
import dev.playfield.game.Game;
import dev.playfield.game.GameMode;
import dev.playfield.game.GameSetup;
import dev.playfield.game.GameType;
import dev.playfield.game.StateStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Liar's Dice: every player rolls dice under a cup, then players bid in turn on how many dice on
 * the whole table show a face, each bid higher than the last, until one calls the last bid a lie.
 * The loser of the challenge loses a die; the last player with dice wins. Clients send {@link
 * LiarsDiceInput} and receive their own {@link LiarsDiceState}.
 *
 * <p>Settings (numbers, each optional): {@code dice-per-player} (5, whole, 1 to 20), {@code
 * turn-seconds} (20), {@code reveal-seconds} (5: how long a round's outcome is shown before the
 * next round rolls). {@link #create} and {@link #restore} throw {@link IllegalArgumentException}
 * for a setting out of range. Stateless and thread-safe.
 */
public final class LiarsDiceType implements GameType {

  public static final String NAME = "liars-dice";

  @Override
  public String name() {
    return NAME;
  }

  /** One mode, "liars-dice": 2 to 6 players, 10 ticks a second, five dice each, 20 s a turn. */
  @Override
  public List<GameMode> modes() {
    return List.of(new GameMode(NAME, 6, 2, 10, Map.of(
        LiarsDiceRules.DICE_PER_PLAYER, LiarsDiceRules.DEFAULT_DICE_PER_PLAYER,
        LiarsDiceRules.TURN_SECONDS, (int) LiarsDiceRules.DEFAULT_TURN_SECONDS,
        LiarsDiceRules.REVEAL_SECONDS, (int) LiarsDiceRules.DEFAULT_REVEAL_SECONDS)));
  }

  /** Turn-based: a player is sent a state when their view changed, not every tick. */
  @Override
  public StateStream stateStream() {
    return StateStream.ON_CHANGE;
  }

  /** The page in this jar, served by a node at {@code /games/liars-dice/}. */
  @Override
  public Optional<String> pageResources() {
    return Optional.of("web/liars-dice");
  }

  @Override
  public Class<? extends Message> inputType() {
    return LiarsDiceInput.class;
  }

  @Override
  public Iterable<Descriptor> messageTypes() {
    return List.of(LiarsDiceInput.getDescriptor(), LiarsDiceState.getDescriptor());
  }

  /**
   * Rejects anything but a {@link LiarsDiceInput} naming a turn (1 or more) and holding exactly
   * one action, whose bid, if it is one, has a quantity of 1 or more and a face of 1 to 6.
   */
  @Override
  public Optional<String> rejectReason(Message input) {
    return InputCheck.rejectReason(input);
  }

  @Override
  public Game create(GameSetup setup) {
    return LiarsDiceGame.start(setup);
  }

  /** Throws {@link IllegalArgumentException} when the snapshot is corrupt or of another kind of match. */
  @Override
  public Game restore(GameSetup setup, byte[] snapshot) {
    return LiarsDiceGame.restore(setup, snapshot);
  }
}
