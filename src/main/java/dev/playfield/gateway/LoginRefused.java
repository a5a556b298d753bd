package dev.playfield.gateway;

import dev.playfield.protocol.v1.ErrorCode;

/** A refused login or resume, with the error code to answer; the message is shown to the client. */
final class LoginRefused extends RuntimeException {
  final ErrorCode code;

  LoginRefused(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }
}
