package dev.playfield.gateway;

import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.ServerMessage;

/**
 * One client connection as the session sees it: pure transport. Frames, encoding, limits and
 * backpressure are its business; what the messages mean is not. Every method except
 * {@link #execute} must be called on the connection's own event loop; none blocks.
 */
interface Connection {

  /** Close codes in the application range, so clients can tell why they were closed. */
  short CLOSE_ABUSE = 4000;
  short CLOSE_REPLACED = 4001;
  short CLOSE_TOO_SLOW = 4002;
  /** The node is shutting down (the standard "going away"). */
  short CLOSE_GOING_AWAY = 1001;

  /** Runs {@code work} on this connection's event loop (at once when already on it). Any thread. */
  void execute(Runnable work);

  /** Sends a message; dropped silently once the connection is closed. */
  void send(ServerMessage message);

  /** Sends a state, latest-wins: skipped when the client has not read the previous ones yet. */
  void sendState(ServerMessage state);

  /** Sends an error caused by the client and counts it against the connection (too many close it). */
  void reject(ErrorCode code, int requestId, String text);

  /** Closes with a status code and a reason; later calls do nothing. */
  void close(short code, String reason);

  /** The encoding chosen at the handshake ({@code json} or {@code binary}). */
  String encoding();

  /** The client's IP address as this node sees it (the key of per-address login limits). */
  String remoteHost();

  /** States skipped so far because the client read too slowly. */
  long statesDropped();
}
