package dev.playfield.gateway;

import dev.playfield.cluster.Leadership;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Leadership a test hands over by hand: off, the matchmaker stops listening, as during a hand-over. */
final class SwitchableLeadership implements Leadership {

  private final Set<String> liveNodes;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean leader = true;

  SwitchableLeadership(Set<String> liveNodes) {
    this.liveNodes = liveNodes;
  }

  void set(boolean leader) {
    this.leader = leader;
    listeners.forEach(Runnable::run);
  }

  @Override
  public boolean isLeader() {
    return leader;
  }

  @Override
  public Set<String> liveNodes() {
    return liveNodes;
  }

  @Override
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }
}
