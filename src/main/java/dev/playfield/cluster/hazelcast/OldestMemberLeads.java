package dev.playfield.cluster.hazelcast;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import dev.playfield.cluster.Leadership;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The oldest member that has not resigned leads; Hazelcast lists members oldest first. Resigned
 * nodes are kept in a small map every member listens to, copied here so {@link #isLeader()} never
 * makes a remote call. Node ids are new at every start, so a restarted node is never skipped.
 */
final class OldestMemberLeads implements Leadership, MembershipListener {

  /** A resigned node exits within its drain timeout; the entry outlives that, then goes. */
  private static final long RESIGNED_TTL_MINUTES = 30;

  private final HazelcastInstance hazelcast;
  private final IMap<String, Boolean> resignedMap;
  private final Set<String> resigned = ConcurrentHashMap.newKeySet();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean resignedHere;

  /** Blocks while it reads who resigned already: call it where blocking is allowed. */
  OldestMemberLeads(HazelcastInstance hazelcast, IMap<String, Boolean> resignedMap) {
    this.hazelcast = hazelcast;
    this.resignedMap = resignedMap;
    resignedMap.addEntryListener((EntryAddedListener<String, Boolean>) event -> {
      resigned.add(event.getKey());
      changed();
    }, false);
    resigned.addAll(resignedMap.keySet());
    hazelcast.getCluster().addMembershipListener(this);
  }

  @Override
  public boolean isLeader() {
    if (resignedHere) {
      return false;
    }
    for (Member member : hazelcast.getCluster().getMembers()) {
      String id = member.getAttribute(ClusterJoin.VERTX_NODE_ID);
      if (id == null || !resigned.contains(id)) {
        return member.localMember();
      }
    }
    return false;
  }

  @Override
  public Set<String> liveNodes() {
    Set<String> ids = new HashSet<>();
    for (Member member : hazelcast.getCluster().getMembers()) {
      String id = member.getAttribute(ClusterJoin.VERTX_NODE_ID);
      if (id != null) {
        ids.add(id);
      }
    }
    return ids;
  }

  @Override
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  @Override
  public void resign() {
    resignedHere = true;
    String self = hazelcast.getCluster().getLocalMember().getAttribute(ClusterJoin.VERTX_NODE_ID);
    resigned.add(self);
    changed();
    // The others learn it from the map's entry event; setAsync keeps this call from blocking.
    resignedMap.setAsync(self, Boolean.TRUE, RESIGNED_TTL_MINUTES, TimeUnit.MINUTES);
  }

  @Override
  public void memberAdded(MembershipEvent event) {
    changed();
  }

  @Override
  public void memberRemoved(MembershipEvent event) {
    changed();
  }

  private void changed() {
    listeners.forEach(Runnable::run);
  }
}
