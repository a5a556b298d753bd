package dev.playfield.cluster;

import dev.playfield.protocol.internal.ResumeEntry;
import io.vertx.core.Future;

/**
 * Issued resume tokens by token id, cluster-wide, so a player can take a session back on any node.
 * A token works once: {@link #consume} removes it atomically. Methods never block and may be
 * called from any thread.
 */
public interface ResumeStore {

  /** Records or updates the token's entry; it is forgotten after {@code ttlMillis}. */
  Future<Void> put(String tokenId, ResumeEntry entry, long ttlMillis);

  /** Removes and returns the token's entry; null when unknown, expired or used already. */
  Future<ResumeEntry> consume(String tokenId);
}
