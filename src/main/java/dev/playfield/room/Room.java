package dev.playfield.room;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.playfield.config.ModeConfig;
import dev.playfield.game.Game;
import dev.playfield.game.GameType;
import dev.playfield.game.PlayerInput;
import dev.playfield.game.Standing;
import dev.playfield.protocol.internal.Recipient;
import dev.playfield.protocol.internal.RoomRecord;
import dev.playfield.protocol.internal.RoomTick;
import dev.playfield.protocol.internal.SeatRecord;
import dev.playfield.protocol.internal.Seat;
import dev.playfield.protocol.v1.RoomPhase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One match: its game, its seats and their queued inputs. Plain logic without Vert.x; the host
 * calls it from the room's single thread: {@link #offer} and {@link #leave} as messages arrive,
 * {@link #tick} on schedule. Inputs never touch the game until the next tick drains them.
 */
public final class Room {

  /** waiting -> running -> finished -> disposed. */
  public enum Phase { WAITING, RUNNING, FINISHED, DISPOSED }

  private final String id;
  private final ModeConfig mode;
  private final GameType type;
  private final Game game;
  private final List<SeatState> seats = new ArrayList<>();
  private final Map<String, SeatState> seatsByPlayer = new LinkedHashMap<>();
  private final List<PlayerInput> tickInputs = new ArrayList<>();
  private final long graceTicks;
  private final List<String> timedOut = new ArrayList<>();
  private long countdownTicks;
  private long tick;
  private Phase phase = Phase.WAITING;

  /**
   * @param graceTicks how long a disconnected player keeps the seat before leaving the match
   */
  public Room(String id, ModeConfig mode, GameType type, Game game, List<Seat> players, long graceTicks) {
    this.id = id;
    this.mode = mode;
    this.type = type;
    this.game = game;
    this.graceTicks = graceTicks;
    this.countdownTicks = Math.round(mode.countdownMs() / mode.tickPeriodMs());
    for (Seat player : players) {
      var seat = new SeatState(player.getPlayerId(), player.getName(), player.getRating(),
          seats.size(), player.getGateway(), mode.inputQueueSize());
      seats.add(seat);
      seatsByPlayer.put(seat.playerId, seat);
    }
  }

  /** Rebuilds a room from its replicated record, on whichever node takes it over. */
  public static Room restore(RoomRecord record, ModeConfig mode, GameType type, GameSetupSource setups, long graceTicks) {
    List<Seat> players = record.getSeatsList().stream().map(seat -> Seat.newBuilder()
        .setPlayerId(seat.getPlayerId()).setName(seat.getName()).setRating(seat.getRating())
        .setGateway(seat.getGateway()).build()).toList();
    Game game = type.restore(setups.setup(record.getSeed(), players), record.getGame().toByteArray());
    Room room = new Room(record.getRoomId(), mode, type, game, players, graceTicks);
    room.tick = record.getTick();
    room.countdownTicks = record.getCountdownTicks();
    room.phase = record.getPhase() == RoomPhase.ROOM_PHASE_WAITING ? Phase.WAITING : Phase.RUNNING;
    for (SeatRecord saved : record.getSeatsList()) {
      SeatState seat = room.seatsByPlayer.get(saved.getPlayerId());
      seat.lastAppliedSeq = saved.getLastInputSeq();
      seat.present = saved.getPresent();
      seat.connected = saved.getConnected();
      seat.disconnectedAtTick = saved.getDisconnectedAtTick();
    }
    return room;
  }

  /** How a host turns a seed and the seats into the game's setup (the same way on every node). */
  @FunctionalInterface
  public interface GameSetupSource {
    dev.playfield.game.GameSetup setup(long seed, List<Seat> players);
  }

  /** The room as it is now, for replication. */
  public RoomRecord record(String owner, long seed) {
    RoomRecord.Builder record = RoomRecord.newBuilder()
        .setRoomId(id).setMode(mode.name()).setOwner(owner).setSeed(seed).setTick(tick)
        .setPhase(phase == Phase.WAITING ? RoomPhase.ROOM_PHASE_WAITING : RoomPhase.ROOM_PHASE_RUNNING)
        .setCountdownTicks(countdownTicks)
        .setGame(com.google.protobuf.ByteString.copyFrom(game.snapshot()));
    for (SeatState seat : seats) {
      record.addSeats(SeatRecord.newBuilder()
          .setPlayerId(seat.playerId).setName(seat.name).setRating(seat.rating).setGateway(seat.gateway)
          .setLastInputSeq(seat.lastAppliedSeq).setPresent(seat.present).setConnected(seat.connected)
          .setDisconnectedAtTick(seat.disconnectedAtTick));
    }
    return record.build();
  }

  /** The player's connection dropped: the seat waits for them up to the grace window. */
  public void disconnect(String playerId) {
    var seat = seatsByPlayer.get(playerId);
    if (seat != null && seat.present && seat.connected) {
      seat.connected = false;
      seat.disconnectedAtTick = tick;
      seat.inputs.clear();
      if (phase != Phase.FINISHED && phase != Phase.DISPOSED) {
        game.absent(seat.slot);
      }
    }
  }

  /** The player is back through {@code gateway}; false when the seat is gone (left, timed out, over). */
  public boolean resume(String playerId, String gateway) {
    var seat = seatsByPlayer.get(playerId);
    if (seat == null || !seat.present || phase == Phase.FINISHED || phase == Phase.DISPOSED) {
      return false;
    }
    seat.connected = true;
    seat.gateway = gateway;
    return true;
  }

  /** Marks the seats of players whose gateway is not among {@code liveGateways} as disconnected. */
  public void disconnectGatewaysOtherThan(java.util.Set<String> liveGateways) {
    for (SeatState seat : seats) {
      if (seat.connected && !liveGateways.contains(seat.gateway)) {
        disconnect(seat.playerId);
      }
    }
  }

  /** The players whose grace window ran out on the last tick (they have left the match). */
  public List<String> timedOut() {
    return timedOut;
  }

  public String id() {
    return id;
  }

  /** The seats as the matchmaker made them, by slot (current gateway included). */
  public List<Seat> seats() {
    return seats.stream().map(seat -> Seat.newBuilder().setPlayerId(seat.playerId).setName(seat.name)
        .setRating(seat.rating).setGateway(seat.gateway).build()).toList();
  }

  /** True when no player is left in the match. */
  public boolean empty() {
    return seats.stream().noneMatch(s -> s.present);
  }

  public Phase phase() {
    return phase;
  }

  public ModeConfig mode() {
    return mode;
  }

  public long tick() {
    return tick;
  }

  /** Queues an input for the next tick; false when the player is not seated here or it is stale. */
  public boolean offer(String playerId, int seq, Any input) {
    var seat = seatsByPlayer.get(playerId);
    if (seat == null || !seat.present || phase == Phase.FINISHED || phase == Phase.DISPOSED) {
      return false;
    }
    return seat.inputs.offer(seq, input, seat.lastAppliedSeq);
  }

  /** The player has gone for good. Returns true when nobody is left, so the room should go. */
  public boolean leave(String playerId) {
    var seat = seatsByPlayer.get(playerId);
    if (seat != null && seat.present) {
      seat.present = false;
      seat.inputs.clear();
      if (phase != Phase.FINISHED && phase != Phase.DISPOSED) {
        game.leave(seat.slot);
      }
    }
    return seats.stream().noneMatch(s -> s.present);
  }

  /**
   * Runs one tick and returns what each gateway must forward, keyed by gateway address; empty on
   * ticks that send no state (see {@code state-every-ticks}), except that the tick a phase changes
   * always sends.
   */
  public Map<String, RoomTick> tickOnce() {
    if (phase == Phase.FINISHED || phase == Phase.DISPOSED) {
      return Map.of();
    }
    tick++;
    Phase before = phase;
    dropSeatsPastGrace();
    if (phase == Phase.WAITING) {
      if (--countdownTicks <= 0) {
        phase = Phase.RUNNING;
      }
    } else {
      game.tick(drainInputs());
      if (game.finished()) {
        phase = Phase.FINISHED;
      }
    }
    boolean due = tick % mode.stateEveryTicks() == 0 || phase != before;
    return due ? frames() : Map.of();
  }

  /** Final standings, best first; meaningful once {@link #phase()} is FINISHED. */
  public List<Standing> standings() {
    return game.standings();
  }

  /** The seated players, by slot. */
  public List<String> playerIds() {
    return seats.stream().map(s -> s.playerId).toList();
  }

  public String nameOf(int slot) {
    return seats.get(slot).name;
  }

  public String playerIdOf(int slot) {
    return seats.get(slot).playerId;
  }

  public int ratingOf(int slot) {
    return seats.get(slot).rating;
  }

  /** Gateways of the players still present and connected, each once. */
  public List<String> gateways() {
    return seats.stream().filter(s -> s.present && s.connected).map(s -> s.gateway).distinct().toList();
  }

  /** The frame for one player alone: the full current state (for a player who just came back). */
  public RoomTick frameFor(String playerId) {
    var seat = seatsByPlayer.get(playerId);
    RoomTick.Builder frame = RoomTick.newBuilder().setTick(tick).setPhase(wirePhase());
    Recipient.Builder recipient = Recipient.newBuilder().setPlayerId(playerId).setLastInputSeq(seat.lastAppliedSeq)
        .setGame(Any.pack(game.view(seat.slot)));
    return frame.addRecipients(recipient).build();
  }

  public void dispose() {
    phase = Phase.DISPOSED;
  }

  private void dropSeatsPastGrace() {
    timedOut.clear();
    for (SeatState seat : seats) {
      if (seat.present && !seat.connected && tick - seat.disconnectedAtTick > graceTicks) {
        timedOut.add(seat.playerId);
      }
    }
    timedOut.forEach(this::leave);
  }

  private List<PlayerInput> drainInputs() {
    tickInputs.clear();
    for (var seat : seats) {
      for (int n = 0; n < mode.maxInputsPerTick() && !seat.inputs.isEmpty(); n++) {
        InputQueue.Entry entry = seat.inputs.poll();
        Message input = unpack(entry.input());
        if (input != null) {
          tickInputs.add(new PlayerInput(seat.slot, input));
        }
        seat.lastAppliedSeq = entry.seq();
      }
    }
    return tickInputs;
  }

  private Message unpack(Any input) {
    try {
      return input.unpack(type.inputType());
    } catch (InvalidProtocolBufferException e) {
      return null; // the gateway validates inputs; one that slips through is skipped, not fatal
    }
  }

  private RoomPhase wirePhase() {
    return switch (phase) {
      case WAITING -> RoomPhase.ROOM_PHASE_WAITING;
      case RUNNING -> RoomPhase.ROOM_PHASE_RUNNING;
      default -> RoomPhase.ROOM_PHASE_FINISHED;
    };
  }

  private Map<String, RoomTick> frames() {
    RoomPhase wirePhase = wirePhase();
    boolean shared = game.sharedView();
    Any sharedState = shared ? Any.pack(game.view(0)) : null;
    Map<String, RoomTick.Builder> byGateway = new LinkedHashMap<>();
    for (var seat : seats) {
      if (!seat.present || !seat.connected) {
        continue;
      }
      RoomTick.Builder frame = byGateway.computeIfAbsent(seat.gateway, g -> {
        RoomTick.Builder b = RoomTick.newBuilder().setTick(tick).setPhase(wirePhase);
        return shared ? b.setSharedGame(sharedState) : b;
      });
      Recipient.Builder recipient = Recipient.newBuilder()
          .setPlayerId(seat.playerId)
          .setLastInputSeq(seat.lastAppliedSeq);
      if (!shared) {
        recipient.setGame(Any.pack(game.view(seat.slot)));
      }
      frame.addRecipients(recipient);
    }
    Map<String, RoomTick> out = new LinkedHashMap<>();
    byGateway.forEach((gateway, builder) -> out.put(gateway, builder.build()));
    return out;
  }
}
