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

  @Test
  void roomsPlacedButNotYetInAPublishedLoadCountAgainstTheNode() {
    RecentPlacements recent = new RecentPlacements();
    NodeLoad a = node("a", 0, 10, 0).toBuilder().setRoomsOpened(5).build();
    NodeLoad b = node("b", 1, 10, 0).toBuilder().setRoomsOpened(7).build();
    List<String> chosen = new java.util.ArrayList<>();
    List<RecentPlacements.Placement> sent = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String best = RoomPlacement.rank(recent.adjust(List.of(a, b))).get(0).getNodeId();
      chosen.add(best);
      sent.add(recent.sent(best));
    }
    // a starts idle; then the two alternate as their counted rooms even out.
    assertThat(chosen).containsExactly("a", "a", "b", "a");

    // a confirms its three rooms (its 6th, 7th and 8th); a load that shows two of them still
    // counts the third, and one that shows all three counts none twice.
    recent.confirmed(sent.get(0), 6);
    recent.confirmed(sent.get(1), 7);
    recent.confirmed(sent.get(3), 8);
    NodeLoad aShowsTwo = a.toBuilder().setRooms(2).setRoomsOpened(7).build();
    assertThat(recent.adjust(List.of(aShowsTwo)).get(0).getRooms()).isEqualTo(3);
    NodeLoad aShowsAll = a.toBuilder().setRooms(3).setRoomsOpened(8).build();
    assertThat(recent.adjust(List.of(aShowsAll)).get(0).getRooms()).isEqualTo(3);
    // A placement that failed never counts.
    recent.failed(sent.get(2));
    assertThat(recent.adjust(List.of(b)).get(0).getRooms()).isEqualTo(1);
  }

  private static NodeLoad node(String id, int rooms, int maxRooms, double tickMillisPerSecond) {
    return NodeLoad.newBuilder().setNodeId(id).setRooms(rooms).setMaxRooms(maxRooms)
        .setTickMillisPerSecond(tickMillisPerSecond).build();
  }
}
