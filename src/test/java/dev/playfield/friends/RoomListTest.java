package dev.playfield.friends;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.CreatePrivateRoom;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.ListRooms;
import dev.playfield.protocol.v1.PrivateRoom;
import dev.playfield.protocol.v1.RoomList;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.support.TestClient;
import dev.playfield.support.TestCluster;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The room list over two clustered nodes (real Hazelcast members): listed rooms and only those,
 * the same from either node, paged, and a cursor that gives what changed since (a join, a room
 * that started and left the list).
 */
class RoomListTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private TestCluster cluster;

  @AfterEach
  void tearDown() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static PrivateRoom create(TestClient client, boolean listed, String label) {
    int id = client.send(ClientMessage.newBuilder().setCreatePrivateRoom(
        CreatePrivateRoom.newBuilder().setMode("arena").setListed(listed).setLabel(label)));
    return PrivateRoomTest.reply(client, id).getPrivateRoom();
  }

  private static ServerMessage list(TestClient client, int offset, int limit, long since) {
    int id = client.send(ClientMessage.newBuilder().setListRooms(
        ListRooms.newBuilder().setMode("arena").setOffset(offset).setLimit(limit).setSince(since)));
    return PrivateRoomTest.reply(client, id);
  }

  private static List<String> labels(RoomList list) {
    return list.getRoomsList().stream().map(PrivateRoom::getLabel).toList();
  }

  @Test
  void listedRoomsAreTheSameFromEveryNodeAndACursorGivesWhatChanged() {
    cluster = new TestCluster(2);
    UnaryOperator<dev.playfield.config.PlayfieldConfig> config = c -> c
        .with("modes.arena.match-size", 3).with("modes.arena.settings.match-seconds", 30);
    TestCluster.Member first = cluster.start(config);
    TestCluster.Member second = cluster.start(config);

    try (TestClient ann = TestClient.connect(first.vertx(), first.node().httpPort(), true);
        TestClient bob = TestClient.connect(first.vertx(), first.node().httpPort(), false);
        TestClient cat = TestClient.connect(second.vertx(), second.node().httpPort(), true);
        TestClient dan = TestClient.connect(second.vertx(), second.node().httpPort(), false);
        TestClient eve = TestClient.connect(second.vertx(), second.node().httpPort(), true)) {
      for (TestClient c : List.of(ann, bob, cat, dan, eve)) {
        c.login("p" + c.hashCode() % 1000);
      }
      PrivateRoom anns = create(ann, true, "ann's room");
      create(bob, false, "secret");
      PrivateRoom cats = create(cat, true, "cat's room");

      RoomList fromFirst = list(ann, 0, 0, 0).getRoomList();
      RoomList fromSecond = list(eve, 0, 0, 0).getRoomList();
      assertThat(labels(fromFirst)).containsExactly("ann's room", "cat's room");
      assertThat(fromSecond.getRoomsList()).isEqualTo(fromFirst.getRoomsList());
      assertThat(fromFirst.getTotal()).isEqualTo(2);
      assertThat(fromFirst.getRoomsList()).allSatisfy(room -> {
        assertThat(room.getMembersCount()).isEqualTo(1);
        assertThat(room.getCapacity()).isEqualTo(3);
        assertThat(room.getListed()).isTrue();
      });
      assertThat(labels(list(eve, 1, 1, 0).getRoomList())).containsExactly("cat's room");

      long cursor = fromSecond.getCursor();
      RoomList nothing = list(eve, 0, 0, cursor).getRoomList();
      assertThat(nothing.getRoomsList()).isEmpty();
      assertThat(nothing.getRemovedCodesList()).isEmpty();

      // Dan joins ann's room: the changes since the cursor are that room, with two players.
      PrivateRoomTest.join(dan, anns.getCode());
      RoomList changed = list(eve, 0, 0, cursor).getRoomList();
      assertThat(labels(changed)).containsExactly("ann's room");
      assertThat(changed.getRooms(0).getMembersCount()).isEqualTo(2);

      // Cat's room starts: it leaves the list, and the changes since say so by its code.
      long later = changed.getCursor();
      assertThat(PrivateRoomTest.startRoom(cat).getError().getCode()).isEqualTo(ErrorCode.NOT_ENOUGH_PLAYERS);
      PrivateRoomTest.join(eve, cats.getCode());
      assertThat(PrivateRoomTest.startRoom(cat).getPrivateRoom().getStarted()).isTrue();
      RoomList gone = list(ann, 0, 0, later).getRoomList();
      assertThat(gone.getRemovedCodesList()).containsExactly(cats.getCode());
      assertThat(labels(gone)).isEmpty();
      assertThat(labels(list(ann, 0, 0, 0).getRoomList())).containsExactly("ann's room");

      assertThat(list(ann, 0, 101, 0).getError().getCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
      int id = ann.send(ClientMessage.newBuilder().setCreatePrivateRoom(CreatePrivateRoom.newBuilder()
          .setMode("arena").setLabel("x".repeat(41))));
      assertThat(PrivateRoomTest.reply(ann, id).getError().getCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }
  }
}
