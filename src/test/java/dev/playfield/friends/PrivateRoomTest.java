package dev.playfield.friends;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.PlayfieldNode;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.CreatePrivateRoom;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.JoinPrivateRoom;
import dev.playfield.protocol.v1.LeavePrivateRoom;
import dev.playfield.protocol.v1.MatchFound;
import dev.playfield.protocol.v1.PlayerInfo;
import dev.playfield.protocol.v1.PrivateRoom;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.protocol.v1.StartPrivateRoom;
import dev.playfield.support.TestClient;
import dev.playfield.support.TestNode;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Private rooms on one node, with real WebSocket clients: a room made by one player, joined by
 * code, started by its creator (or by filling up), and every refusal on the way.
 */
@ExtendWith(VertxExtension.class)
class PrivateRoomTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private Vertx vertx;
  private PlayfieldNode node;
  private final List<TestClient> clients = new ArrayList<>();

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    // Rooms of four, starting with two: a room of three can be started, a fourth fills it.
    node = TestNode.start(vertx, c -> c.with("modes.arena.match-size", 4).with("modes.arena.min-players", 2)
        .with("modes.arena.settings.match-seconds", 30));
  }

  @AfterEach
  void close() {
    clients.forEach(TestClient::close);
  }

  private TestClient player(String name) {
    TestClient client = TestClient.connect(vertx, node.httpPort(), clients.size() % 2 == 0);
    clients.add(client);
    client.login(name);
    return client;
  }

  static PrivateRoom create(TestClient client, String mode) {
    return createReply(client, mode).getPrivateRoom();
  }

  static ServerMessage createReply(TestClient client, String mode) {
    int id = client.send(ClientMessage.newBuilder().setCreatePrivateRoom(CreatePrivateRoom.newBuilder().setMode(mode)));
    return reply(client, id);
  }

  static ServerMessage join(TestClient client, String code) {
    int id = client.send(ClientMessage.newBuilder().setJoinPrivateRoom(JoinPrivateRoom.newBuilder().setCode(code)));
    return reply(client, id);
  }

  static ServerMessage startRoom(TestClient client) {
    int id = client.send(ClientMessage.newBuilder().setStartPrivateRoom(StartPrivateRoom.getDefaultInstance()));
    return reply(client, id);
  }

  static ServerMessage reply(TestClient client, int requestId) {
    return client.await(m -> m.getRequestId() == requestId, WAIT);
  }

  static List<String> names(PrivateRoom room) {
    return room.getMembersList().stream().map(PlayerInfo::getName).toList();
  }

  @Test
  void friendsJoinByCodeAndTheCreatorStartsTheirMatch() {
    TestClient ann = player("ann");
    TestClient bob = player("bob");
    TestClient cat = player("cat");
    TestClient dan = player("dan");

    PrivateRoom made = create(ann, "arena");
    assertThat(made.getCode()).hasSize(6).matches("[A-Z2-9]+");
    assertThat(made.getCapacity()).isEqualTo(4);
    assertThat(made.getMinPlayers()).isEqualTo(2);
    assertThat(names(made)).containsExactly("ann");

    // Codes are read out and typed: case and spaces around do not matter.
    PrivateRoom joined = join(bob, " " + made.getCode().toLowerCase() + " ").getPrivateRoom();
    assertThat(names(joined)).containsExactly("ann", "bob");
    assertThat(names(ann.await(ServerMessage::hasPrivateRoom, WAIT).getPrivateRoom())).containsExactly("ann", "bob");
    join(cat, made.getCode());
    assertThat(names(bob.await(m -> m.hasPrivateRoom() && m.getPrivateRoom().getMembersCount() == 3, WAIT)
        .getPrivateRoom())).containsExactly("ann", "bob", "cat");

    ServerMessage notCreator = startRoom(bob);
    assertThat(notCreator.getError().getCode()).isEqualTo(ErrorCode.NOT_ROOM_CREATOR);
    // A private room's players are not in the public queue meanwhile.
    dan.joinQueue("arena");
    ServerMessage started = startRoom(ann);
    assertThat(started.getPrivateRoom().getStarted()).isTrue();

    List<MatchFound> found = new ArrayList<>();
    for (TestClient friend : List.of(ann, bob, cat)) {
      found.add(friend.await(ServerMessage::hasMatchFound, WAIT).getMatchFound());
    }
    assertThat(found).extracting(MatchFound::getRoomId).containsOnly(found.get(0).getRoomId());
    assertThat(found.get(0).getPlayersList()).extracting(PlayerInfo::getName).containsExactlyInAnyOrder("ann", "bob", "cat");
    // The rating the room plays with is read from the store when the room starts.
    assertThat(found.get(0).getPlayersList()).allSatisfy(p -> assertThat(p.getRating()).isEqualTo(1000));

    assertThat(join(dan, made.getCode()).getError().getCode()).isEqualTo(ErrorCode.ALREADY_QUEUED);
    // The room is gone once its match is placed (or refuses while it is being placed).
    TestClient eve = player("eve");
    assertThat(join(eve, made.getCode()).getError().getCode()).isIn(ErrorCode.ROOM_NOT_FOUND, ErrorCode.ROOM_STARTED);
  }

  @Test
  void aRoomThatFillsUpStartsByItself() {
    TestClient ann = player("ann");
    String code = create(ann, "arena").getCode();
    List<TestClient> others = List.of(player("bob"), player("cat"), player("dan"));
    others.forEach(friend -> assertThat(join(friend, code).hasPrivateRoom()).isTrue());

    String roomId = ann.await(ServerMessage::hasMatchFound, WAIT).getMatchFound().getRoomId();
    for (TestClient friend : others) {
      assertThat(friend.await(ServerMessage::hasMatchFound, WAIT).getMatchFound().getRoomId()).isEqualTo(roomId);
    }
  }

  @Test
  void wrongCodesFullRoomsAndDoubleJoinsAreRefusedWithTheirCodes() {
    TestClient ann = player("ann");
    String code = create(ann, "arena").getCode();

    TestClient bob = player("bob");
    String wrong = code.equals("AAAAAA") ? "BBBBBB" : "AAAAAA";
    assertThat(join(bob, wrong).getError().getCode()).isEqualTo(ErrorCode.ROOM_NOT_FOUND);
    assertThat(join(bob, "").getError().getCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(join(bob, "no-such-code!").getError().getCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(createReply(bob, "no-such-mode").getError().getCode()).isEqualTo(ErrorCode.UNKNOWN_MODE);

    assertThat(join(bob, code).hasPrivateRoom()).isTrue();
    // Joining again from inside a room: refused by the session, the room unchanged.
    assertThat(join(bob, code).getError().getCode()).isEqualTo(ErrorCode.INVALID_STATE);
    assertThat(createReply(bob, "arena").getError().getCode()).isEqualTo(ErrorCode.INVALID_STATE);
    bob.joinQueue("arena");
    assertThat(bob.awaitError(ErrorCode.INVALID_STATE)).isNotNull();

    // A full room: its fourth player starts it, so the fifth finds it started or gone.
    join(player("cat"), code);
    join(player("dan"), code);
    assertThat(join(player("eve"), code).getError().getCode()).isIn(ErrorCode.ROOM_FULL, ErrorCode.ROOM_STARTED,
        ErrorCode.ROOM_NOT_FOUND);
  }

  @Test
  void aRoomBelowItsMinimumCannotStartAndACreatorWhoLeavesHandsItOn() {
    TestClient ann = player("ann");
    String code = create(ann, "arena").getCode();
    assertThat(startRoom(ann).getError().getCode()).isEqualTo(ErrorCode.NOT_ENOUGH_PLAYERS);

    TestClient bob = player("bob");
    TestClient cat = player("cat");
    join(bob, code);
    join(cat, code);
    int left = ann.send(ClientMessage.newBuilder().setLeavePrivateRoom(LeavePrivateRoom.getDefaultInstance()));
    assertThat(reply(ann, left).getPrivateRoomLeft().getCode()).isEqualTo(code);
    PrivateRoom handedOn = bob.await(m -> m.hasPrivateRoom() && m.getPrivateRoom().getMembersCount() == 2, WAIT)
        .getPrivateRoom();
    assertThat(names(handedOn)).containsExactly("bob", "cat");
    assertThat(handedOn.getCreatorPlayerId()).isEqualTo(handedOn.getMembers(0).getPlayerId());

    // A member whose connection drops is out of the room; the rest hear of it.
    clients.get(2).close();
    assertThat(names(bob.await(m -> m.hasPrivateRoom() && m.getPrivateRoom().getMembersCount() == 1, WAIT)
        .getPrivateRoom())).containsExactly("bob");
    assertThat(startRoom(bob).getError().getCode()).isEqualTo(ErrorCode.NOT_ENOUGH_PLAYERS);
    // Leaving a room one is not in.
    int again = ann.send(ClientMessage.newBuilder().setLeavePrivateRoom(LeavePrivateRoom.getDefaultInstance()));
    assertThat(reply(ann, again).getError().getCode()).isEqualTo(ErrorCode.INVALID_STATE);
  }
}
