package dev.playfield.bench;

import com.google.protobuf.Any;
import dev.playfield.arena.ArenaType;
import dev.playfield.arena.proto.ArenaInput;
import dev.playfield.config.ModeConfig;
import dev.playfield.config.QueueSettings;
import dev.playfield.protocol.internal.Seat;
import dev.playfield.room.Room;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A running arena room of eight, as the room host would make it, for the benchmarks. */
final class ArenaFixture {

  static final int PLAYERS = 8;
  static final String GATEWAY = "playfield.gateway.bench";

  private ArenaFixture() {}

  static ModeConfig mode() {
    return new ModeConfig("arena", "arena",
        new QueueSettings(PLAYERS, 1, Duration.ofSeconds(5), 100, 50, 1000),
        20, 1, 4, 32, 0,
        // Long enough that no benchmark iteration reaches the end of the match.
        Map.of("match-seconds", 1_000_000, "score-limit", 1_000_000));
  }

  static Room runningRoom(long seed) {
    ModeConfig mode = mode();
    ArenaType type = new ArenaType();
    List<Seat> seats = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < PLAYERS; i++) {
      seats.add(Seat.newBuilder().setPlayerId("p-" + i).setName("bot-" + i).setRating(1000).setGateway(GATEWAY).build());
      names.add("bot-" + i);
    }
    Room room = new Room("bench-room", mode, type,
        type.create(new dev.playfield.game.GameSetup(seed, mode.tickRate(), names, mode.settings())), seats,
        GRACE_TICKS);
    room.tickOnce(); // countdown 0: the first tick starts the game
    return room;
  }

  /** The reconnection grace in ticks (20 s at 20 Hz): no bench player disconnects, so any will do. */
  private static final long GRACE_TICKS = 400;

  static Any input(int player, int tick) {
    double angle = (player * 45 + tick * 7) * Math.PI / 180;
    return Any.pack(ArenaInput.newBuilder().setDx((float) Math.cos(angle)).setDy((float) Math.sin(angle)).build());
  }
}
