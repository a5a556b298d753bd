package dev.playfield.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.Empty;
import com.google.protobuf.Int32Value;
import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.internal.CloseRoom;
import dev.playfield.protocol.internal.GatewayFrame;
import dev.playfield.protocol.internal.ResumeRoom;
import dev.playfield.protocol.internal.RoomClosed;
import dev.playfield.protocol.internal.RoomCreated;
import dev.playfield.protocol.internal.RoomInput;
import dev.playfield.protocol.internal.RoomRecord;
import dev.playfield.protocol.internal.RoomTick;
import dev.playfield.protocol.internal.SeatDisconnected;
import dev.playfield.protocol.internal.SeatLeft;
import dev.playfield.protocol.internal.SeatResume;
import dev.playfield.protocol.internal.SeatResumed;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.protocol.v1.Standing;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real room host on a real Vert.x, reached only through the event bus as gateways reach it. */
@ExtendWith(VertxExtension.class)
class RoomHostVerticleTest {

  private static final String NODE = "node-1";

  @Test
  void whenEveryPlayerLeavesTheMatchEndsForEveryone(Vertx vertx) throws Exception {
    HostFixture fixture = new HostFixture(vertx);
    HostFixture.Host host = fixture.deploy(NODE, 1_000_000);
    String room = host.createRoom("p1", "p2").getRoomId();
    host.await(GatewayFrame::hasTick);

    vertx.eventBus().send(Addresses.room(room), SeatLeft.newBuilder().setPlayerId("p1").build());
    long leftAt = host.await(frame -> frame.hasTick() && frame.getTick().getRecipientsCount() == 1).getTick().getTick();
    GatewayFrame still = host.await(GatewayFrame::hasTick);
    assertThat(still.getTick().getTick()).as("the match goes on while one player remains").isGreaterThan(leftAt);

    vertx.eventBus().send(Addresses.room(room), SeatLeft.newBuilder().setPlayerId("p2").build());
    MatchEnd end = host.await(GatewayFrame::hasMatchEnd).getMatchEnd();

    assertThat(end.getRoomId()).isEqualTo(room);
    assertThat(end.getStandingsList()).extracting(Standing::getPlayerId).containsExactly("p1", "p2");
    assertThat(end.getStandingsList()).allSatisfy(s -> assertThat(s.getLeft()).isTrue());
    assertThat(fixture.shared.finished().find(room).await()).as("kept for resuming players").isEqualTo(end);
    host.awaitRooms(0);
    host.assertSilent(room, Duration.ofMillis(300));
    assertThatThrownBy(() -> vertx.eventBus().request(Addresses.room(room), SeatLeft.getDefaultInstance()).await())
        .isInstanceOf(ReplyException.class).hasMessageContaining("No handlers");
    assertThat(fixture.shared.rooms().load(room).await()).as("its record is gone").isNull();
  }

  @Test
  void aGameThatThrowsEndsItsMatchForEveryoneWithRatingsUnchanged(Vertx vertx) throws Exception {
    HostFixture fixture = new HostFixture(vertx);
    HostFixture.Host host = fixture.deploy(NODE, Map.of(HostFixture.MODE, HostFixture.mode(8)),
        Map.of(HostFixture.MODE, QuickGameType.failingAt(3)));
    String room = host.createRoom("p1", "p2").getRoomId();

    MatchEnd end = host.await(GatewayFrame::hasMatchEnd).getMatchEnd();

    assertThat(end.getRoomId()).isEqualTo(room);
    assertThat(end.getStandingsList()).hasSize(2)
        .allSatisfy(s -> assertThat(s.getRatingAfter()).isEqualTo(s.getRatingBefore()));
    host.awaitRooms(0);
    host.assertSilent(room, Duration.ofMillis(300));
  }

  @Test
  void aFinishedMatchIsKeptForResumingPlayers(Vertx vertx) throws Exception {
    HostFixture fixture = new HostFixture(vertx);
    HostFixture.Host host = fixture.deploy(NODE, 10);
    String room = host.createRoom("p1", "p2").getRoomId();
    MatchEnd end = host.await(GatewayFrame::hasMatchEnd).getMatchEnd();

    assertThat(end.getStandingsList()).hasSize(2).allSatisfy(s -> assertThat(s.getLeft()).isFalse());
    // Read as the end reached the gateway: it must be in the store already, because a gateway that
    // dies right then leaves its players to find the end there.
    assertThat(host.storedWhenEndArrived.get(room)).as("stored before it was sent").isEqualTo(end);
    assertThatThrownBy(() -> vertx.eventBus().request(Addresses.room(room),
        SeatResume.newBuilder().setPlayerId("p1").setGateway(host.gateway()).build()).await())
        .as("the room is gone; the gateway finds the end in the store").isInstanceOf(ReplyException.class);
  }

  @Test
  void aRoomClosedByAnOperatorIsKeptForResumingPlayersWithRatingsUnchanged(Vertx vertx) throws Exception {
    HostFixture fixture = new HostFixture(vertx);
    HostFixture.Host host = fixture.deploy(NODE, 1_000_000);
    String room = host.createRoom("p1", "p2").getRoomId();
    host.await(GatewayFrame::hasTick);

    RoomClosed closed = (RoomClosed) vertx.eventBus().request(Addresses.adminRooms(NODE),
        CloseRoom.newBuilder().setRoomId(room).build()).await().body();

    assertThat(closed.getClosed()).isTrue();
    MatchEnd kept = fixture.shared.finished().find(room).await();
    assertThat(kept).as("stored by the time the close is answered").isNotNull();
    assertThat(host.await(GatewayFrame::hasMatchEnd).getMatchEnd()).isEqualTo(kept);
    assertThat(kept.getStandingsList()).allSatisfy(s -> assertThat(s.getRatingAfter()).isEqualTo(s.getRatingBefore()));
    assertThat(((RoomClosed) vertx.eventBus().request(Addresses.adminRooms(NODE),
        CloseRoom.newBuilder().setRoomId(room).build()).await().body()).getClosed()).isFalse();
  }

  @Test
  void resumeRoomForARoomAlreadyHostedHereIsAnswered(Vertx vertx) throws Exception {
    HostFixture fixture = new HostFixture(vertx);
    HostFixture.Host host = fixture.deploy(NODE, 1_000_000);
    String room = host.createRoom("p1").getRoomId();

    Object reply = vertx.eventBus().request(Addresses.roomHost(NODE), ResumeRoom.newBuilder().setRoomId(room).build())
        .await().body();

    assertThat(reply).isInstanceOf(RoomCreated.class);
    assertThat(((RoomCreated) reply).getRoomId()).isEqualTo(room);
    assertThat(host.load.rooms()).as("still one room").isEqualTo(1);
  }

  @Test
  void aSeatResumeIsAnsweredWithTheRoomsFrameForThatPlayerAlone(Vertx vertx) throws Exception {
    HostFixture fixture = new HostFixture(vertx);
    HostFixture.Host host = fixture.deploy(NODE, 1_000_000);
    String room = host.createRoom("p1", "p2").getRoomId();
    host.await(frame -> frame.hasTick() && frame.getTick().getTick() >= 3); // the game has ticked
    vertx.eventBus().send(Addresses.room(room), SeatDisconnected.newBuilder().setPlayerId("p2").build());

    SeatResumed resumed = (SeatResumed) vertx.eventBus().request(Addresses.room(room),
        SeatResume.newBuilder().setPlayerId("p2").setGateway(host.gateway()).build()).await().body();

    RoomTick frame = resumed.getFrame();
    assertThat(frame.getRecipientsList()).singleElement().satisfies(r -> {
      assertThat(r.getPlayerId()).isEqualTo("p2");
      assertThat(r.getGame().unpack(Int32Value.class).getValue()).as("the game's view").isPositive();
    });
    assertThat(frame.getTick()).isPositive();
    assertThat(resumed.hasState()).as("the gateway maps the frame; no State is built here").isFalse();
    assertThat(resumed.getAssigned().getPlayerIdsList()).containsExactly("p2");
  }

  @Test
  void aSeatResumeOfAPlayerWhoLeftIsRefusedWithResumeExpired(Vertx vertx) throws Exception {
    HostFixture fixture = new HostFixture(vertx);
    HostFixture.Host host = fixture.deploy(NODE, 1_000_000);
    String room = host.createRoom("p1", "p2").getRoomId();
    vertx.eventBus().send(Addresses.room(room), SeatLeft.newBuilder().setPlayerId("p2").build());

    assertThatThrownBy(() -> vertx.eventBus().request(Addresses.room(room),
        SeatResume.newBuilder().setPlayerId("p2").setGateway(host.gateway()).build()).await())
        .isInstanceOfSatisfying(ReplyException.class,
            e -> assertThat(e.failureCode()).isEqualTo(ErrorCode.RESUME_EXPIRED_VALUE));
  }

  @Test
  void aMessageOfNoKnownTypeIsRefusedWithUnknownMessage(Vertx vertx) {
    HostFixture fixture = new HostFixture(vertx);
    fixture.deploy(NODE, 1_000_000);

    assertThatThrownBy(() -> vertx.eventBus().request(Addresses.roomHost(NODE), RoomInput.getDefaultInstance())
        .await()).isInstanceOfSatisfying(ReplyException.class,
            e -> assertThat(e.failureCode()).isEqualTo(ErrorCode.UNKNOWN_MESSAGE_VALUE));
  }

  @Test
  void inputQueueDropsAreCounted(Vertx vertx) throws Exception {
    HostFixture fixture = new HostFixture(vertx);
    HostFixture.Host host = fixture.deploy(NODE, 1_000_000);
    String room = host.createRoom("p1").getRoomId();
    double before = stale(fixture);
    RoomInput first = RoomInput.newBuilder().setPlayerId("p1").setSeq(1).setGame(Any.pack(Empty.getDefaultInstance()))
        .build();

    vertx.eventBus().send(Addresses.room(room), first);
    vertx.eventBus().send(Addresses.room(room), first); // queued or applied by now: stale either way
    // A request after the sends is handled after them: once it is answered, both inputs were seen.
    vertx.eventBus().request(Addresses.room(room),
        SeatResume.newBuilder().setPlayerId("p1").setGateway(host.gateway()).build()).await();

    assertThat(stale(fixture) - before).isEqualTo(1.0);
  }

  @Test
  void roomTakenOverByAnotherNodeStopsHere(Vertx vertx) throws Exception {
    HostFixture fixture = new HostFixture(vertx);
    HostFixture.Host host = fixture.deploy(NODE, 1_000_000);
    String room = host.createRoom("p1").getRoomId();
    host.await(GatewayFrame::hasTick);

    // Another node claims the room (as failover would if this one had been thought dead).
    byte[] current = fixture.shared.rooms().load(room).await();
    RoomRecord theirs = RoomRecord.parseFrom(current).toBuilder().setOwner("another-node").build();
    assertThat(fixture.shared.rooms().replace(room, current, theirs.toByteArray()).await()).isTrue();

    // Its next write (every 5 ticks) is refused, and it stops.
    host.awaitRooms(0);
    host.assertSilent(room, Duration.ofMillis(300));
    assertThat(RoomRecord.parseFrom(fixture.shared.rooms().load(room).await()).getOwner())
        .as("the new owner's record is left alone").isEqualTo("another-node");
  }

  private static double stale(HostFixture fixture) {
    Counter counter = fixture.metrics.registry().find("playfield_inputs_dropped").tag("reason", "stale").counter();
    return counter == null ? 0 : counter.count();
  }
}
