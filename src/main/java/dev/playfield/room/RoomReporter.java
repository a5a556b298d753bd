package dev.playfield.room;

import dev.playfield.protocol.internal.RoomReport;
import dev.playfield.protocol.v1.PlayerInfo;
import java.util.Locale;

/** What the admin API is told about a room. */
final class RoomReporter {

  private RoomReporter() {}

  /** Call on the room's own thread: it reads the room's state. */
  static RoomReport report(Room room, TickStats stats, long overruns) {
    RoomReport.Builder report = RoomReport.newBuilder()
        .setRoomId(room.id())
        .setMode(room.mode().name())
        .setPhase(room.phase().name().toLowerCase(Locale.ROOT))
        .setTick(room.tick())
        .setTickRate(room.mode().tickRate())
        .setTickMeanMs(stats.meanMillis())
        .setTickMaxMs(stats.maxMillis())
        .setTickLastMs(stats.lastMillis())
        .setOverruns(overruns)
        .addAllRecentTickMs(stats.recentMillis());
    for (int slot = 0; slot < room.playerIds().size(); slot++) {
      report.addPlayers(PlayerInfo.newBuilder().setPlayerId(room.playerIdOf(slot))
          .setName(room.nameOf(slot)).setRating(room.ratingOf(slot)).setSlot(slot));
    }
    return report.build();
  }
}
