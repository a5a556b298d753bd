package dev.playfield.game;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import java.util.Optional;

/**
 * A kind of game the server can host, such as the reference game "arena". Implementations are
 * stateless and thread-safe; each match is a {@link Game} made by {@link #create}.
 */
public interface GameType {

  /** The name modes refer to in configuration, such as {@code "arena"}. */
  String name();

  /** The Protobuf message clients send in {@code Input.game}. */
  Class<? extends Message> inputType();

  /** Every message type this game puts in {@code Input.game} or {@code State.game} (for JSON). */
  Iterable<Descriptor> messageTypes();

  /**
   * Why {@code input} (of {@link #inputType()}) cannot be applied, or empty when it can. Called by the
   * gateway on any thread before an input reaches a room; must not block.
   */
  Optional<String> rejectReason(Message input);

  /** Starts a new match. */
  Game create(GameSetup setup);

  /** Rebuilds a match from {@link Game#snapshot()}, taken of a game created with the same setup. */
  Game restore(GameSetup setup, byte[] snapshot);
}
