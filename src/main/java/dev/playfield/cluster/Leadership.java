package dev.playfield.cluster;

/**
 * Whether this node runs the cluster's single instances of a service (the matchmaker). Standalone,
 * the node always leads; in a cluster the oldest member does, and the next oldest takes over when
 * it leaves.
 */
public interface Leadership {

  boolean isLeader();

  /** The ids of the nodes that are members now (this one included). */
  java.util.Set<String> liveNodes();

  /** Called, on any thread, whenever leadership may have changed; read {@link #isLeader()} then. */
  void onChange(Runnable listener);
}
