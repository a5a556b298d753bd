package dev.playfield.cluster;

import io.vertx.core.Future;

/**
 * Which gateway holds each player's session, cluster-wide, so that a player has one session at a
 * time. Methods never block and may be called from any thread.
 */
public interface SessionDirectory {

  /** Records the player's session at {@code gateway}; returns the gateway that held it, or null. */
  Future<String> claim(String playerId, String gateway);

  /** Forgets the player's session, unless another gateway has claimed it since. */
  Future<Void> release(String playerId, String gateway);

  /** The gateway that holds the player's session, or null. */
  Future<String> find(String playerId);
}
