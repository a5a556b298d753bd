package dev.playfield.room;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.playfield.config.ModeConfig;
import dev.playfield.game.Game;
import dev.playfield.game.GameSetup;
import dev.playfield.game.GameType;
import dev.playfield.protocol.internal.RoomRecord;
import dev.playfield.protocol.internal.Seat;
import dev.playfield.protocol.v1.RoomPhase;
import java.util.List;

/** A room and its replicated record, both ways: what a takeover needs to carry the match on. */
public final class RoomRecords {

  private RoomRecords() {}

  /** How a host turns a seed and the seats into the game's setup (the same way on every node). */
  @FunctionalInterface
  public interface GameSetupSource {
    GameSetup setup(long seed, List<Seat> players);
  }

  /** The room as it is now, for replication. Call on the room's thread. */
  /** The owner a stored record names; empty when the bytes are not a record. */
  static String owner(byte[] stored) {
    try {
      return RoomRecord.parseFrom(stored).getOwner();
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      return "";
    }
  }

  public static RoomRecord record(Room room, String owner, long seed) {
    return RoomRecord.newBuilder()
        .setRoomId(room.id()).setMode(room.mode().name()).setOwner(owner).setSeed(seed).setTick(room.tick())
        .setPhase(room.phase() == Room.Phase.WAITING ? RoomPhase.ROOM_PHASE_WAITING : RoomPhase.ROOM_PHASE_RUNNING)
        .setCountdownTicks(room.countdownTicks())
        .setGame(ByteString.copyFrom(room.game().snapshot()))
        .addAllSeats(room.seatTable().asRecords())
        .build();
  }

  /** Rebuilds a room from its replicated record, on whichever node takes it over. */
  public static Room restore(RoomRecord record, ModeConfig mode, GameType type, GameSetupSource setups,
      long graceTicks, InputDrops drops) {
    Seats seats = Seats.restored(record.getSeatsList(), mode.inputQueueSize(), drops);
    Game game = type.restore(setups.setup(record.getSeed(), seats.asSeats()), record.getGame().toByteArray());
    Room room = new Room(record.getRoomId(), mode, type, game, seats, graceTicks);
    room.resumeAt(record.getTick(), record.getCountdownTicks(),
        record.getPhase() == RoomPhase.ROOM_PHASE_WAITING ? Room.Phase.WAITING : Room.Phase.RUNNING);
    return room;
  }

  static RoomRecord parse(byte[] bytes) {
    try {
      return RoomRecord.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("corrupt room record", e);
    }
  }
}
