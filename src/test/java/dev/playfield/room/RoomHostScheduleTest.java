package dev.playfield.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Empty;
import com.google.protobuf.Message;
import dev.playfield.cluster.LocalRatingStore;
import dev.playfield.config.ModeConfig;
import dev.playfield.game.Game;
import dev.playfield.game.GameSetup;
import dev.playfield.game.GameType;
import dev.playfield.game.PlayerInput;
import dev.playfield.game.Standing;
import dev.playfield.matchmaking.QueueRules;
import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.EventBusCodecs;
import dev.playfield.protocol.internal.CreateRoom;
import dev.playfield.protocol.internal.GatewayFrame;
import dev.playfield.protocol.internal.RoomCreated;
import dev.playfield.protocol.internal.Seat;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real room host on a real Vert.x: a slow game tick must not stretch the tick period. */
@ExtendWith(VertxExtension.class)
class RoomHostScheduleTest {

  private static final int TICK_RATE = 20;
  private static final long SLOW_TICK_MILLIS = 30;

  @Test
  void slowTicksStayOnTheFixedSchedule(Vertx vertx) throws Exception {
    EventBusCodecs.register(vertx.eventBus());
    ModeConfig mode = new ModeConfig("slow", "slow",
        new QueueRules(1, 1, Duration.ZERO, 0, 0, 0), TICK_RATE, 1, 4, 8, 0, Map.of());
    vertx.deployVerticle(new RoomHostVerticle(Map.of("slow", mode), Map.of("slow", new SlowGameType()),
        new MatchResults(new LocalRatingStore(1000), 32))).await();
    List<Long> arrivals = new CopyOnWriteArrayList<>();
    String gateway = Addresses.gateway("test");
    vertx.eventBus().<GatewayFrame>consumer(gateway, message -> {
      if (message.body().hasTick()) {
        arrivals.add(System.nanoTime());
      }
    }).completion().await();

    RoomCreated created = (RoomCreated) vertx.eventBus().request(Addresses.ROOM_HOST, CreateRoom.newBuilder()
        .setMode("slow")
        .addSeats(Seat.newBuilder().setPlayerId("p1").setName("one").setGateway(gateway))
        .build()).await().body();
    assertThat(created.getRoomId()).isNotEmpty();

    Thread.sleep(2_600);
    List<Long> ticks = List.copyOf(arrivals);
    assertThat(ticks).hasSizeGreaterThan(40);
    // 40 ticks of a 50 ms period take 2 s on schedule; had each 30 ms tick pushed the next one
    // back (a timer re-armed after the tick), they would take 3.2 s.
    double seconds = (ticks.get(40) - ticks.get(0)) / 1e9;
    assertThat(seconds).isBetween(1.9, 2.4);
  }

  /** A game whose tick burns most of the tick period. */
  private static final class SlowGameType implements GameType {
    @Override
    public String name() {
      return "slow";
    }

    @Override
    public Class<? extends Message> inputType() {
      return Empty.class;
    }

    @Override
    public Iterable<Descriptor> messageTypes() {
      return List.of(Empty.getDescriptor());
    }

    @Override
    public Optional<String> rejectReason(Message input) {
      return Optional.empty();
    }

    @Override
    public Game create(GameSetup setup) {
      return new Game() {
        @Override
        public void tick(List<PlayerInput> inputs) {
          long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SLOW_TICK_MILLIS);
          while (System.nanoTime() < until) {
            Thread.onSpinWait();
          }
        }

        @Override
        public void leave(int slot) {}

        @Override
        public Message view(int slot) {
          return Empty.getDefaultInstance();
        }

        @Override
        public boolean sharedView() {
          return true;
        }

        @Override
        public boolean finished() {
          return false;
        }

        @Override
        public List<Standing> standings() {
          return List.of(new Standing(0, 1, 0));
        }

        @Override
        public byte[] snapshot() {
          return new byte[0];
        }
      };
    }

    @Override
    public Game restore(GameSetup setup, byte[] snapshot) {
      return create(setup);
    }
  }
}
