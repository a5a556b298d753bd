package dev.playfield.gateway;

import dev.playfield.protocol.v1.ClientMessage;

/**
 * What a connection tells the session on top of it. Called on the connection's event loop only;
 * implementations must not block.
 */
interface ConnectionListener {

  /** A decoded client message with a body, within the connection's limits. */
  void onMessage(ClientMessage message);

  /** The connection is closed; called once, and nothing is sent after. */
  void onClosed();

  /** Who the connection speaks for, for log lines ("player p-1", "an anonymous connection"). */
  String describe();
}
