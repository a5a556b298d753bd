package dev.playfield.game.bot;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import java.util.Optional;

/**
 * One bot's brain: sees the states of its match and makes its inputs. Called from one thread
 * only, never concurrently; must not block. Lives for many matches, one after the other.
 */
public interface BotPlayer {

  /** A match begins; the bot plays {@code slot} of {@code players}. */
  default void matchStarted(int slot, int players) {}

  /** False when the bot never looks at states, so the simulator may skip decoding them. */
  default boolean readsState() {
    return true;
  }

  /** The newest game state of the match ({@code State.game}, still packed). */
  void observe(Any state);

  /**
   * The input to send now (the game's input message, packed into {@code Input.game} by the
   * simulator), or empty to send nothing this time. Asked at the simulator's input rate;
   * {@code nowNanos} is a monotonic clock.
   */
  Optional<Message> nextInput(long nowNanos);
}
