package dev.playfield.cluster;

import dev.playfield.protocol.v1.MatchEnd;
import io.vertx.core.Future;

/**
 * The ends of recent matches by room id, kept cluster-wide for the reconnection grace window, so a
 * player whose gateway died while the match ended elsewhere still learns how it ended when they
 * resume. Written by the room host that finished the match, read by gateways. Methods never block
 * and may be called from any thread.
 */
public interface FinishedMatches {

  /** Keeps the match's end for {@code ttlMillis}. */
  Future<Void> put(MatchEnd end, long ttlMillis);

  /** The end of the match in {@code roomId}, or null when none is kept (not ended, or too long ago). */
  Future<MatchEnd> find(String roomId);
}
