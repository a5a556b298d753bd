package dev.playfield.cluster.local;

import dev.playfield.cluster.ClusterServices;
import dev.playfield.cluster.Leadership;
import java.time.Clock;
import java.util.Set;

/** Cluster state of a standalone node: in this process's memory, and this node always leads. */
public final class LocalCluster {

  private LocalCluster() {}

  public static ClusterServices services(String nodeId) {
    return services(nodeId, Clock.systemUTC());
  }

  /** With the clock that expires node loads, resume tokens and finished matches (tests step it). */
  public static ClusterServices services(String nodeId, Clock clock) {
    return new ClusterServices(nodeId, new LocalTickets(), new LocalSessions(),
        new LocalNodes(clock), new Leadership() {
          @Override
          public boolean isLeader() {
            return true; // alone, and resign() keeps the default: there is nobody to hand over to
          }

          @Override
          public Set<String> liveNodes() {
            return Set.of(nodeId);
          }

          @Override
          public void onChange(Runnable listener) {}
        }, new LocalRooms(), new LocalResumes(clock),
        new LocalFinished(clock), new LocalPrivateRooms());
  }
}
