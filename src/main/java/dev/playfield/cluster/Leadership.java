package dev.playfield.cluster;

import java.util.Set;

/**
 * Whether this node runs the cluster's single instances of a service (the matchmaker, the failover
 * scan). Standalone, the node always leads; in a cluster the oldest member that has not resigned
 * does, and the next oldest takes over when it leaves or resigns. Methods never block and may be
 * called from any thread.
 */
public interface Leadership {

  boolean isLeader();

  /** The ids of the nodes that are members now (this one included). */
  Set<String> liveNodes();

  /** Called, on any thread, whenever leadership may have changed; read {@link #isLeader()} then. */
  void onChange(Runnable listener);

  /**
   * This node stops leading for good (it is draining) and the others skip it when they choose the
   * leader: from the return on, {@link #isLeader()} is false here, and the next leader's listeners
   * are called as soon as the cluster has spread the word (milliseconds on a healthy cluster).
   * The default suits a standalone node, which has nobody to hand over to: it keeps leading.
   */
  default void resign() {}
}
