package dev.playfield.cluster;

import dev.playfield.protocol.internal.ResumeEntry;
import io.vertx.core.Future;

/**
 * Issued resume tokens by token id, cluster-wide, so a player can take a session back on any node.
 * A token works once, with one allowance: the answer to a resume may be lost with the connection
 * it came on, so for {@link #RETRY_WINDOW_MS} after the first {@link #consume} the same token gets
 * the same entry again; after that it is refused as used. Methods never block and may be called
 * from any thread.
 */
public interface ResumeStore {

  /** How long a consumed token still answers with its entry: 10 s, a reconnect or two. */
  long RETRY_WINDOW_MS = 10_000;

  /** Records or updates the token's entry; it is forgotten after {@code ttlMillis}. */
  Future<Void> put(String tokenId, ResumeEntry entry, long ttlMillis);

  /**
   * Marks the token used and returns its entry with {@code consumed_at_ms} set (atomically: of two
   * concurrent first consumes both get that same entry). Within {@link #RETRY_WINDOW_MS} of that
   * first consume it returns the same entry again; null when the token is unknown, expired, or was
   * consumed longer ago than the window.
   */
  Future<ResumeEntry> consume(String tokenId);
}
