package dev.playfield.arena;

import com.google.protobuf.Message;
import dev.playfield.arena.proto.ArenaInput;
import java.util.Optional;

/** Decides whether a client's input can be applied; shared by the gateway-side check and the game. */
final class ArenaInputCheck {

  private ArenaInputCheck() {}

  static Optional<String> rejectReason(Message input) {
    if (!(input instanceof ArenaInput arenaInput)) {
      String got = input == null ? "nothing" : input.getDescriptorForType().getFullName();
      return Optional.of("expected " + ArenaInput.getDescriptor().getFullName() + ", got " + got);
    }
    return component("dx", arenaInput.getDx()).or(() -> component("dy", arenaInput.getDy()));
  }

  private static Optional<String> component(String name, float value) {
    // Written so that NaN fails too: every comparison with NaN is false.
    boolean valid = value >= -1 && value <= 1;
    return valid
        ? Optional.empty()
        : Optional.of(name + " must be a finite number in [-1, 1], got " + value);
  }
}
