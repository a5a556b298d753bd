package dev.playfield.sim;

/** The two encodings of the Playfield protocol, named as on the command line. */
enum Encoding {
  BINARY("playfield.v1.binary"),
  JSON("playfield.v1.json");

  private final String subprotocol;

  Encoding(String subprotocol) {
    this.subprotocol = subprotocol;
  }

  /** The WebSocket subprotocol that asks the server for this encoding. */
  String subprotocol() {
    return subprotocol;
  }
}
