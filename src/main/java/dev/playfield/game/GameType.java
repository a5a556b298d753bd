package dev.playfield.game;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import java.util.List;
import java.util.Optional;

/**
 * A kind of game the server can host, such as the reference game "arena". Implementations are
 * stateless and thread-safe; each match is a {@link Game} made by {@link #create}.
 *
 * <p>A node finds its games through {@link java.util.ServiceLoader}: a game's jar names its
 * implementation in {@code META-INF/services/dev.playfield.game.GameType} and goes into the node's
 * games folder. The implementation needs a public constructor without arguments.
 */
public interface GameType {

  /** The name modes refer to in configuration, such as {@code "arena"}: lower-case letters, digits, dashes. */
  String name();

  /** The modes this game offers with no configuration at all; at least one. */
  List<GameMode> modes();

  /** When players are sent states: after every tick (the default), or only when something changed. */
  default StateStream stateStream() {
    return StateStream.EVERY_TICK;
  }

  /**
   * The folder, inside the game's jar (a class-path resource path such as {@code "web/dice"}), of
   * the game's browser page, which the node serves at {@code /games/<name>/} ({@code index.html}
   * at its root); empty when the game has no page of its own.
   */
  default Optional<String> pageResources() {
    return Optional.empty();
  }

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
