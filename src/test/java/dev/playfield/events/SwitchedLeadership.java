package dev.playfield.events;

import dev.playfield.cluster.Leadership;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/** Leadership a test hands to the node and takes away. */
final class SwitchedLeadership implements Leadership {

  final AtomicBoolean leading;

  SwitchedLeadership(boolean leading) {
    this.leading = new AtomicBoolean(leading);
  }

  @Override
  public boolean isLeader() {
    return leading.get();
  }

  @Override
  public Set<String> liveNodes() {
    return Set.of("test-node");
  }

  @Override
  public void onChange(Runnable listener) {}
}
