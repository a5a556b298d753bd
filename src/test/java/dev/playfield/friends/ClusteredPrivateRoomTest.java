package dev.playfield.friends;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.protocol.v1.MatchFound;
import dev.playfield.protocol.v1.PlayerInfo;
import dev.playfield.protocol.v1.PrivateRoom;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.support.TestClient;
import dev.playfield.support.TestCluster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Private rooms across three clustered nodes (real Hazelcast members on 127.0.0.1): a room made
 * through one node is joined by code through the two others, each member hears of the others, and
 * the three friends play one match together.
 */
class ClusteredPrivateRoomTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private TestCluster cluster;

  @AfterEach
  void tearDown() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void threeFriendsOnThreeNodesPlayOneMatch() {
    cluster = new TestCluster(3);
    var config = (java.util.function.UnaryOperator<dev.playfield.config.PlayfieldConfig>) c -> c
        .with("modes.arena.match-size", 4).with("modes.arena.settings.match-seconds", 30);
    List<TestCluster.Member> nodes = List.of(cluster.start(config), cluster.start(config), cluster.start(config));

    try (TestClient ann = TestClient.connect(nodes.get(0).vertx(), nodes.get(0).node().httpPort(), true);
        TestClient bob = TestClient.connect(nodes.get(1).vertx(), nodes.get(1).node().httpPort(), false);
        TestClient cat = TestClient.connect(nodes.get(2).vertx(), nodes.get(2).node().httpPort(), true)) {
      ann.login("ann");
      bob.login("bob");
      cat.login("cat");

      PrivateRoom made = PrivateRoomTest.create(ann, "arena");
      assertThat(PrivateRoomTest.join(bob, made.getCode()).getPrivateRoom().getMembersCount()).isEqualTo(2);
      assertThat(PrivateRoomTest.join(cat, made.getCode()).getPrivateRoom().getMembersCount()).isEqualTo(3);
      assertThat(PrivateRoomTest.names(ann.await(m -> m.hasPrivateRoom() && m.getPrivateRoom().getMembersCount() == 3,
          WAIT).getPrivateRoom())).containsExactly("ann", "bob", "cat");
      assertThat(PrivateRoomTest.names(bob.await(m -> m.hasPrivateRoom() && m.getPrivateRoom().getMembersCount() == 3,
          WAIT).getPrivateRoom())).containsExactly("ann", "bob", "cat");

      assertThat(PrivateRoomTest.startRoom(ann).getPrivateRoom().getStarted()).isTrue();
      MatchFound found = ann.await(ServerMessage::hasMatchFound, WAIT).getMatchFound();
      assertThat(found.getPlayersList()).extracting(PlayerInfo::getName).containsExactlyInAnyOrder("ann", "bob", "cat");
      for (TestClient friend : List.of(bob, cat)) {
        assertThat(friend.await(ServerMessage::hasMatchFound, WAIT).getMatchFound().getRoomId()).isEqualTo(found.getRoomId());
        friend.await(ServerMessage::hasState, WAIT);
      }
      ann.await(ServerMessage::hasState, WAIT);
    }
  }

  @Test
  void aRoomOutlivesTheNodeThatHeldItAndIsStartedOnTheNext() {
    cluster = new TestCluster(2);
    var config = (java.util.function.UnaryOperator<dev.playfield.config.PlayfieldConfig>) c -> c
        .with("modes.arena.match-size", 4).with("modes.arena.settings.match-seconds", 30);
    // The first member is the oldest, so it leads: the matchmaker and its rooms are there.
    TestCluster.Member leader = cluster.start(config);
    TestCluster.Member next = cluster.start(config);

    try (TestClient ann = TestClient.connect(next.vertx(), next.node().httpPort(), true);
        TestClient bob = TestClient.connect(next.vertx(), next.node().httpPort(), false)) {
      ann.login("ann");
      bob.login("bob");
      String code = PrivateRoomTest.create(ann, "arena").getCode();

      cluster.stop(leader);
      // The join meets the hand-over: it is held and retried until the next matchmaker has the room.
      PrivateRoom joined = PrivateRoomTest.join(bob, code).getPrivateRoom();
      assertThat(PrivateRoomTest.names(joined)).containsExactly("ann", "bob");
      assertThat(PrivateRoomTest.startRoom(ann).getPrivateRoom().getStarted()).isTrue();
      String roomId = ann.await(ServerMessage::hasMatchFound, WAIT).getMatchFound().getRoomId();
      assertThat(bob.await(ServerMessage::hasMatchFound, WAIT).getMatchFound().getRoomId()).isEqualTo(roomId);
    }
  }
}
