package dev.playfield.matchmaking;

import dev.playfield.protocol.internal.NodeLoad;
import java.util.ArrayList;
import java.util.List;

/**
 * Rooms placed that the nodes' published loads do not show yet. Loads are published every so
 * often; without this, a burst of matches would all go to whichever node looked idlest. A
 * placement counts while it is in flight, and once confirmed until a load of its node counts at
 * least as many opened rooms as the confirmation did (no clocks compared across nodes). Not
 * thread-safe: the matchmaker's event loop owns it.
 */
final class RecentPlacements {

  /** One room sent to a node; {@code opened} is the node's opened-room count once it confirmed. */
  public static final class Placement {
    private final String nodeId;
    private long opened = -1;

    private Placement(String nodeId) {
      this.nodeId = nodeId;
    }
  }

  private final List<Placement> placements = new ArrayList<>();

  public Placement sent(String nodeId) {
    Placement placement = new Placement(nodeId);
    placements.add(placement);
    return placement;
  }

  public void confirmed(Placement placement, long roomsOpened) {
    placement.opened = roomsOpened;
  }

  public void failed(Placement placement) {
    placements.remove(placement);
  }

  /** The loads with each node's rooms raised by the placements they do not show yet. */
  public List<NodeLoad> adjust(List<NodeLoad> loads) {
    List<NodeLoad> adjusted = new ArrayList<>(loads.size());
    for (NodeLoad load : loads) {
      placements.removeIf(p -> p.nodeId.equals(load.getNodeId()) && p.opened >= 0
          && p.opened <= load.getRoomsOpened());
      long unseen = placements.stream().filter(p -> p.nodeId.equals(load.getNodeId())).count();
      adjusted.add(unseen == 0 ? load : load.toBuilder().setRooms(load.getRooms() + (int) unseen).build());
    }
    return adjusted;
  }
}
