package dev.playfield.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.protocol.internal.NodeLoad;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomPlacementTest {

  @Test
  void theNodeWithTheMostHeadroomComesFirst() {
    List<NodeLoad> ranked = RoomPlacement.rank(List.of(node("busy", 8, 10, 0), node("idle", 1, 10, 0),
        node("middle", 4, 10, 0)));
    assertThat(ranked).extracting(NodeLoad::getNodeId).containsExactly("idle", "middle", "busy");
  }

  @Test
  void tickTimeCountsAsLoadEvenWithFewRooms() {
    // Two rooms, but their ticks take 60% of the event loop: more loaded than five cheap rooms.
    List<NodeLoad> ranked = RoomPlacement.rank(List.of(node("heavy", 2, 10, 600), node("light", 5, 10, 50)));
    assertThat(ranked).extracting(NodeLoad::getNodeId).containsExactly("light", "heavy");
  }

  @Test
  void fullAndDrainingNodesAreNeverChosen() {
    NodeLoad draining = node("draining", 0, 10, 0).toBuilder().setDraining(true).build();
    List<NodeLoad> ranked = RoomPlacement.rank(List.of(node("full", 10, 10, 0), draining));
    assertThat(ranked).isEmpty();
  }

  @Test
  void placementIsNotRoundRobinButStable() {
    List<NodeLoad> nodes = List.of(node("b", 2, 10, 0), node("a", 2, 10, 0));
    assertThat(RoomPlacement.rank(nodes)).extracting(NodeLoad::getNodeId).containsExactly("a", "b");
    assertThat(RoomPlacement.rank(nodes)).extracting(NodeLoad::getNodeId).containsExactly("a", "b");
  }

  private static NodeLoad node(String id, int rooms, int maxRooms, double tickMillisPerSecond) {
    return NodeLoad.newBuilder().setNodeId(id).setRooms(rooms).setMaxRooms(maxRooms)
        .setTickMillisPerSecond(tickMillisPerSecond).build();
  }
}
