package dev.playfield.room;

import dev.playfield.protocol.v1.ErrorCode;

/** A request the room host will not carry out, with the code its failure reply carries. */
final class HostRefusal extends RuntimeException {

  final ErrorCode code;

  HostRefusal(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** The failure code to reply with for {@code cause}: its own code if it is a refusal, else UNAVAILABLE. */
  static int codeOf(Throwable cause) {
    return cause instanceof HostRefusal refusal ? refusal.code.getNumber() : ErrorCode.UNAVAILABLE_VALUE;
  }
}
