package dev.playfield.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.cluster.RoomPlacement;
import dev.playfield.protocol.internal.NodeLoad;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The matchmaker's count of rooms it placed that the published loads do not show yet. */
class RecentPlacementsTest {

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
