package dev.playfield.cluster;

import dev.playfield.protocol.internal.NodeLoad;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses where a new room goes: the nodes with the most headroom first, by measured load. A
 * node's load is the largest of the shares it uses of its room cap and of its event loop's time
 * spent ticking rooms; draining nodes and full nodes are left out. Pure logic.
 *
 * <p>It lives in {@code cluster}, not with the matchmaker, because three capabilities place rooms:
 * the matchmaker (new rooms), the failover scan here (rooms of departed nodes) and the room host
 * (handing its rooms over on drain); {@code cluster} is the one package all three already use, and
 * {@code room} must not depend on {@code matchmaking}.
 */
public final class RoomPlacement {

  private RoomPlacement() {}

  /** Candidate nodes, best first; empty when no node can take a room. */
  public static List<NodeLoad> rank(List<NodeLoad> nodes) {
    return nodes.stream()
        .filter(node -> !node.getDraining())
        .filter(node -> node.getRooms() < node.getMaxRooms())
        .sorted(Comparator.comparingDouble(RoomPlacement::load).thenComparing(NodeLoad::getNodeId))
        .toList();
  }

  /** 0 for an idle node, 1 for a node at its room cap or with its event loop ticking all the time. */
  static double load(NodeLoad node) {
    double roomShare = node.getMaxRooms() == 0 ? 1 : (double) node.getRooms() / node.getMaxRooms();
    double tickShare = node.getTickMillisPerSecond() / 1000.0;
    return Math.max(roomShare, tickShare);
  }
}
