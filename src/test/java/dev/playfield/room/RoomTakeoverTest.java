package dev.playfield.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.Empty;
import dev.playfield.cluster.ClusterServices;
import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.internal.GatewayFrame;
import dev.playfield.protocol.internal.NodeLoad;
import dev.playfield.protocol.internal.ResumeRoom;
import dev.playfield.protocol.internal.RoomCreated;
import dev.playfield.protocol.internal.RoomInput;
import dev.playfield.protocol.internal.RoomRecord;
import dev.playfield.protocol.internal.RoomReports;
import dev.playfield.protocol.internal.RoomsQuery;
import dev.playfield.protocol.internal.SeatDisconnected;
import dev.playfield.protocol.internal.SeatRecord;
import dev.playfield.protocol.internal.SeatResume;
import dev.playfield.protocol.internal.SeatResumed;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.protocol.v1.Standing;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rooms changing hosts: taken over from the replicated record after their node left, or handed over
 * by a draining node. Two real room hosts on one Vert.x share the cluster stores, as two nodes share
 * Hazelcast's maps.
 */
@ExtendWith(VertxExtension.class)
class RoomTakeoverTest {

  private static final String NODE = "node-1";
  private static final String OTHER = "node-2";

  @Test
  void aTakeoverWaitsForThisNodeToSeeTheOldOwnerLeave(Vertx vertx) throws Exception {
    HostFixture fixture = new HostFixture(vertx);
    HostFixture.Host host = fixture.deploy(NODE, 1_000_000);
    // The leader saw "node-0" leave; this node's membership view still lists it for a moment.
    fixture.members.add("node-0");
    RoomRecord record = storeRoomOfNode0(fixture.shared, HostFixture.MODE);

    Future<Object> resumed = vertx.eventBus().request(Addresses.roomHost(NODE),
        ResumeRoom.newBuilder().setRoomId(record.getRoomId()).build()).map(m -> m.body());
    awaitMembershipReads(fixture, 3); // it polled the view a few times: it is waiting
    assertThat(resumed.isComplete()).isFalse();
    fixture.members.remove("node-0");

    assertThat(resumed.await()).isInstanceOf(RoomCreated.class);
    assertThat(owner(fixture, record)).isEqualTo(NODE);
    assertThat(host.load.rooms()).isEqualTo(1);
  }

  @Test
  void aTakeoverOfARoomWhoseOwnerStaysAMemberIsRefused(Vertx vertx) throws Exception {
    HostFixture fixture = new HostFixture(vertx);
    fixture.deploy(NODE, 1_000_000);
    fixture.members.add("node-0");
    RoomRecord record = storeRoomOfNode0(fixture.shared, HostFixture.MODE);

    Future<?> resumed = vertx.eventBus().request(Addresses.roomHost(NODE),
        ResumeRoom.newBuilder().setRoomId(record.getRoomId()).build());
    awaitMembershipReads(fixture, 1);
    fixture.clock.step(Duration.ofSeconds(2)); // past the wait, without waiting it out

    assertThatThrownBy(resumed::await).isInstanceOf(ReplyException.class).hasMessageContaining("still a member");
    assertThat(owner(fixture, record)).as("the live owner keeps its room").isEqualTo("node-0");
  }

  @Test
  void aTakeoverOfAModeThisNodeCannotHostFailsBeforeClaiming(Vertx vertx) throws Exception {
    HostFixture fixture = new HostFixture(vertx);
    HostFixture.Host host = fixture.deploy(NODE, 1_000_000);
    RoomRecord record = storeRoomOfNode0(fixture.shared, "a-mode-only-node-0-had");

    assertThatThrownBy(() -> vertx.eventBus().request(Addresses.roomHost(NODE),
        ResumeRoom.newBuilder().setRoomId(record.getRoomId()).build()).await())
        .isInstanceOfSatisfying(ReplyException.class,
            e -> assertThat(e.failureCode()).isEqualTo(ErrorCode.UNKNOWN_MODE_VALUE));
    assertThat(owner(fixture, record)).as("unclaimed: a node that has the mode can still take it")
        .isEqualTo("node-0");
    assertThat(host.load.rooms()).isZero();
  }

  @Test
  void aDrainingNodeHandsItsRoomsOver(Vertx vertx) throws Exception {
    HostFixture fixture = new HostFixture(vertx);
    HostFixture.Host draining = fixture.deploy(NODE, 1_000_000);
    HostFixture.Host taker = fixture.deploy(OTHER, 1_000_000);
    publish(fixture, OTHER, false);
    String room = draining.createRoom("p1", "p2").getRoomId();
    long before = draining.await(GatewayFrame::hasTick).getTick().getTick();

    draining.load.startDraining();
    long asked = System.nanoTime();
    draining.verticle.handOverAll().await();
    long tookMillis = (System.nanoTime() - asked) / 1_000_000;

    assertThat(tookMillis).as("no wait for the old owner, which is still a member, to leave")
        .isLessThan(RoomTakeover.OWNER_GONE_WAIT_NANOS / 1_000_000);
    assertThat(draining.load.rooms()).isZero();
    assertThat(rooms(vertx, NODE).getRoomsList()).isEmpty();
    assertThat(rooms(vertx, OTHER).getRoomsList()).singleElement().satisfies(r -> {
      assertThat(r.getRoomId()).isEqualTo(room);
      assertThat(r.getTick()).as("carries on from the final record").isGreaterThanOrEqualTo(before);
    });
    RoomRecord record = RoomRecord.parseFrom(fixture.shared.rooms().load(room).await());
    assertThat(record.getOwner()).isEqualTo(OTHER);
    assertThat(record.getReleased()).isFalse();
    // The players' gateway (on the draining node) keeps getting the room's frames, now from the
    // taker, and reaches the room at the same address.
    assertThat(draining.await(f -> f.hasTick() && f.getTick().getTick() > before + 2).getTick().getRecipientsCount())
        .isEqualTo(2);
    assertThat(vertx.eventBus().request(Addresses.room(room),
        SeatResume.newBuilder().setPlayerId("p1").setGateway(draining.gateway()).build()).await().body())
        .isInstanceOf(SeatResumed.class);
    assertThat(taker.load.rooms()).isEqualTo(1);
  }

  @Test
  void anInputSentWhileTheRoomIsHandedOverReachesTheTaker(Vertx vertx) throws Exception {
    // Before: the draining host gave up the room's address first, and an input sent before the
    // taker listened found no handler and was lost (a drain of a node lost its players' inputs).
    HostFixture fixture = new HostFixture(vertx);
    HostFixture.Host draining = fixture.deploy(NODE, 1_000_000);
    fixture.deploy(OTHER, 1_000_000);
    publish(fixture, OTHER, false);
    String room = draining.createRoom("p1", "p2").getRoomId();
    draining.await(f -> f.hasTick() && f.getTick().getPhase() == dev.playfield.protocol.v1.RoomPhase.ROOM_PHASE_RUNNING);
    // The moment the draining host asks the taker, the room is stopped and nobody else listens yet.
    vertx.eventBus().addOutboundInterceptor(delivery -> {
      if (delivery.message().body() instanceof ResumeRoom) {
        vertx.eventBus().send(Addresses.room(room), RoomInput.newBuilder().setPlayerId("p1").setSeq(1)
            .setGame(Any.pack(Empty.getDefaultInstance())).build());
      }
      delivery.next();
    });

    draining.load.startDraining();
    draining.verticle.handOverAll().await();

    GatewayFrame applied = draining.await(f -> f.hasTick() && f.getTick().getRecipientsList().stream()
        .anyMatch(r -> r.getPlayerId().equals("p1") && r.getLastInputSeq() == 1));
    assertThat(applied.getRoomId()).isEqualTo(room);
    assertThat(rooms(vertx, OTHER).getRoomsList()).singleElement().satisfies(r -> assertThat(r.getRoomId()).isEqualTo(room));
  }

  @Test
  void aRoomNobodyTakesStaysAndEndsAtOnceWhenNobodyIsConnected(Vertx vertx) throws Exception {
    HostFixture fixture = new HostFixture(vertx);
    HostFixture.Host alone = fixture.deploy(NODE, 1_000_000);
    String room = alone.createRoom("p1", "p2").getRoomId();
    alone.await(GatewayFrame::hasTick);

    alone.load.startDraining();
    alone.verticle.handOverAll().await();

    assertThat(alone.load.rooms()).as("no other node: the room stays").isEqualTo(1);
    long stayed = alone.await(GatewayFrame::hasTick).getTick().getTick();
    assertThat(alone.await(GatewayFrame::hasTick).getTick().getTick()).as("and ticks on").isGreaterThan(stayed);

    vertx.eventBus().send(Addresses.room(room), SeatDisconnected.newBuilder().setPlayerId("p1").build());
    vertx.eventBus().send(Addresses.room(room), SeatDisconnected.newBuilder().setPlayerId("p2").build());
    // Ends on its next tick, 20 s before the grace window would have run out.
    MatchEnd end = alone.await(GatewayFrame::hasMatchEnd).getMatchEnd();

    assertThat(end.getStandingsList()).extracting(Standing::getPlayerId).containsExactlyInAnyOrder("p1", "p2");
    assertThat(end.getStandingsList()).allSatisfy(s -> assertThat(s.getRatingAfter()).isEqualTo(s.getRatingBefore()));
    assertThat(fixture.shared.finished().find(room).await()).isEqualTo(end);
    alone.awaitRooms(0);
  }

  @Test
  void aRoomThatEveryAskedNodeRefusesRunsOnHere(Vertx vertx) throws Exception {
    HostFixture fixture = new HostFixture(vertx);
    HostFixture.Host draining = fixture.deploy(NODE, 1_000_000);
    HostFixture.Host refusing = fixture.deploy(OTHER, 1_000_000);
    publish(fixture, OTHER, false); // its published load is stale: it has started draining too
    refusing.load.startDraining();
    String room = draining.createRoom("p1").getRoomId();
    draining.await(GatewayFrame::hasTick);

    draining.load.startDraining();
    draining.verticle.handOverAll().await();

    assertThat(draining.load.rooms()).isEqualTo(1);
    assertThat(refusing.load.rooms()).isZero();
    RoomRecord record = RoomRecord.parseFrom(fixture.shared.rooms().load(room).await());
    assertThat(record.getOwner()).isEqualTo(NODE);
    assertThat(record.getReleased()).as("claimed back").isFalse();
    long resumedAt = draining.await(GatewayFrame::hasTick).getTick().getTick();
    assertThat(draining.await(GatewayFrame::hasTick).getTick().getTick()).isGreaterThan(resumedAt);
    assertThat(vertx.eventBus().request(Addresses.room(room),
        SeatResume.newBuilder().setPlayerId("p1").setGateway(draining.gateway()).build()).await().body())
        .as("its address answers again").isInstanceOf(SeatResumed.class);
  }

  /** Replicates a running room owned by "node-0" with one player seated through node-1. */
  private static RoomRecord storeRoomOfNode0(ClusterServices services, String mode) {
    RoomRecord record = RoomRecord.newBuilder().setRoomId("room-of-node-0").setMode(mode).setOwner("node-0")
        .setTick(40).addSeats(SeatRecord.newBuilder().setPlayerId("p1").setName("p1")
            .setGateway(Addresses.gateway(NODE)).setPresent(true).setConnected(true)).build();
    assertThat(services.rooms().replace(record.getRoomId(), null, record.toByteArray()).await()).isTrue();
    return record;
  }

  private static String owner(HostFixture fixture, RoomRecord record) throws Exception {
    return RoomRecord.parseFrom(fixture.shared.rooms().load(record.getRoomId()).await()).getOwner();
  }

  private static void awaitMembershipReads(HostFixture fixture, int atLeast) throws InterruptedException {
    int from = fixture.membershipReads.get();
    long deadline = System.nanoTime() + HostFixture.WAIT.toNanos();
    while (fixture.membershipReads.get() - from < atLeast && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(5); // waits for the host to act, not for time to pass
    }
    assertThat(fixture.membershipReads.get() - from).isGreaterThanOrEqualTo(atLeast);
  }

  private static void publish(HostFixture fixture, String nodeId, boolean draining) {
    fixture.shared.nodes().publish(NodeLoad.newBuilder().setNodeId(nodeId).setMaxRooms(10).setDraining(draining)
        .build(), 60_000).await();
  }

  private static RoomReports rooms(Vertx vertx, String nodeId) {
    return (RoomReports) vertx.eventBus().request(Addresses.adminRooms(nodeId), RoomsQuery.getDefaultInstance())
        .await().body();
  }
}
