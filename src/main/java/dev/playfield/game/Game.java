package dev.playfield.game;

import com.google.protobuf.Message;
import java.util.List;

/**
 * One running match of a game: pure, deterministic logic driven by its host.
 *
 * <p>The host (a room) calls every method from a single thread, never concurrently, and owns the
 * clock: a game never reads time, never does I/O and never starts threads. Given the same {@link
 * GameSetup} and the same sequence of {@link #tick} calls, a game goes through the same states.
 * Players are identified by their slot, {@code 0 .. setup.players() - 1}.
 */
public interface Game {

  /**
   * Advances the match by one tick. {@code inputs} are the inputs the host accepted since the last
   * tick, in the order to apply them; each passed {@link GameType#rejectReason} already. The list
   * is the host's and is reused: read it during the call, do not keep it. Not called once {@link
   * #finished()} is true.
   */
  void tick(List<PlayerInput> inputs);

  /** The player in {@code slot} has left the match for good; what remains of it is the game's call. */
  void leave(int slot);

  /**
   * The player's connection dropped; they may come back within the grace window (then their
   * inputs simply resume) or {@link #leave} follows. What an absent player does is the game's call.
   */
  default void absent(int slot) {}

  /** The state the player in {@code slot} should see now. Must not be mutated afterwards by the game. */
  Message view(int slot);

  /** True when {@link #view} returns the same state for every slot, so the host may encode it once. */
  boolean sharedView();

  /** True once the match is over; {@link #standings()} then holds the final result. */
  boolean finished();

  /** The current standings, best first, one per slot; equal results share a rank. */
  List<Standing> standings();

  /** The complete state, from which {@link GameType#restore} rebuilds an equal game. */
  byte[] snapshot();
}
