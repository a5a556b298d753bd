package dev.playfield.room;

import dev.playfield.config.ModeConfig;
import dev.playfield.game.GameSetup;
import dev.playfield.game.GameType;
import dev.playfield.protocol.internal.CreateRoom;
import dev.playfield.protocol.internal.RoomRecord;
import dev.playfield.protocol.internal.Seat;
import java.util.List;
import java.util.Map;

/** Builds rooms of the modes this node can host: new ones, and ones restored from a record. */
final class RoomFactory {

  private final Map<String, ModeConfig> modes;
  private final Map<String, GameType> gameOfMode;
  private final long reconnectGraceMs;
  private final InputDrops drops;

  RoomFactory(Map<String, ModeConfig> modes, Map<String, GameType> gameOfMode, long reconnectGraceMs,
      InputDrops drops) {
    this.modes = modes;
    this.gameOfMode = gameOfMode;
    this.reconnectGraceMs = reconnectGraceMs;
    this.drops = drops;
  }

  /** True when this node has both the mode's settings and its game. */
  boolean hosts(String mode) {
    return modes.containsKey(mode) && gameOfMode.containsKey(mode);
  }

  /** A new room; the caller checked {@link #hosts} and that there are seats. */
  Room create(String roomId, CreateRoom create) {
    ModeConfig mode = modes.get(create.getMode());
    GameType type = gameOfMode.get(create.getMode());
    return new Room(roomId, mode, type, type.create(setup(mode, create.getSeed(), create.getSeatsList())),
        create.getSeatsList(), graceTicks(mode), drops);
  }

  /** The room of a claimed record; the caller checked {@link #hosts} for its mode. */
  Room restore(RoomRecord record) {
    ModeConfig mode = modes.get(record.getMode());
    return RoomRecords.restore(record, mode, gameOfMode.get(record.getMode()),
        (seed, seats) -> setup(mode, seed, seats), graceTicks(mode), drops);
  }

  private long graceTicks(ModeConfig mode) {
    return Math.round(reconnectGraceMs / mode.tickPeriodMs());
  }

  private static GameSetup setup(ModeConfig mode, long seed, List<Seat> seats) {
    return new GameSetup(seed, mode.tickRate(), seats.stream().map(Seat::getName).toList(), mode.settings());
  }
}
