package dev.playfield.sim;

import com.google.protobuf.Descriptors.Descriptor;
import dev.playfield.game.StateStream;

/**
 * What the simulator must know of a game's messages to speak it, for bots whose game's {@code
 * GameType} is not at hand (arena's is in the server): a game jar's bots get this from the jar's
 * own {@code GameType}, and need not implement it.
 */
public interface GameWire {

  /** Every message type the game puts in {@code Input.game} or {@code State.game} (JSON needs them for {@code Any}). */
  Iterable<Descriptor> messageTypes();

  /** When the node sends players a state of this game. */
  StateStream stateStream();
}
