package dev.playfield.cluster;

import dev.playfield.protocol.internal.NodeLoad;
import io.vertx.core.Future;
import java.util.List;

/**
 * The live nodes and their load, as each publishes it. An entry not republished within the
 * expiry disappears, so a node that died drops out of room placement by itself. Methods never
 * block and may be called from any thread.
 */
public interface NodeDirectory {

  /** Publishes this node's load; it expires unless published again within {@code ttlMillis}. */
  Future<Void> publish(NodeLoad load, long ttlMillis);

  /** Removes a node at once (it is leaving). */
  Future<Void> remove(String nodeId);

  /** The loads of all live nodes. */
  Future<List<NodeLoad>> all();
}
