package dev.playfield.room;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.playfield.config.ModeConfig;
import dev.playfield.game.Game;
import dev.playfield.game.GameType;
import dev.playfield.game.PlayerInput;
import dev.playfield.protocol.internal.RoomTick;
import dev.playfield.protocol.internal.Seat;
import dev.playfield.protocol.v1.RoomPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One match: its game, its seats and their queued inputs. Plain logic without Vert.x; the host
 * calls it from the room's single thread: {@link #offer} and {@link #leave} as messages arrive,
 * {@link #tickOnce} on schedule. Inputs never touch the game until the next tick drains them.
 * Its replicated form is built by {@link RoomRecords}, its frames by {@link TickFrames}.
 */
public final class Room {

  /** waiting -> running -> finished -> disposed. */
  public enum Phase { WAITING, RUNNING, FINISHED, DISPOSED }

  private final String id;
  private final ModeConfig mode;
  private final GameType type;
  private final Game game;
  private final Seats seats;
  private final TickFrames frames;
  private final List<PlayerInput> tickInputs = new ArrayList<>();
  private final long graceTicks;
  private long countdownTicks;
  private long tick;
  private Phase phase = Phase.WAITING;
  private RuntimeException failure;

  /**
   * @param graceTicks how long a disconnected player keeps the seat before leaving the match
   */
  public Room(String id, ModeConfig mode, GameType type, Game game, List<Seat> players, long graceTicks) {
    this(id, mode, type, game, Seats.seated(players, mode.inputQueueSize(), InputDrops.NONE), graceTicks);
  }

  /** As above, reporting the inputs its queues drop to {@code drops}. */
  public Room(String id, ModeConfig mode, GameType type, Game game, List<Seat> players, long graceTicks,
      InputDrops drops) {
    this(id, mode, type, game, Seats.seated(players, mode.inputQueueSize(), drops), graceTicks);
  }

  Room(String id, ModeConfig mode, GameType type, Game game, Seats seats, long graceTicks) {
    this.id = id;
    this.mode = mode;
    this.type = type;
    this.game = game;
    this.seats = seats;
    this.frames = new TickFrames(game, seats, type.stateStream());
    this.graceTicks = graceTicks;
    this.countdownTicks = Math.round(mode.countdownMs() / mode.tickPeriodMs());
  }

  /** Puts a restored room back where its record left it. */
  void resumeAt(long tick, long countdownTicks, Phase phase) {
    this.tick = tick;
    this.countdownTicks = countdownTicks;
    this.phase = phase;
  }

  /** The player's connection dropped: the seat waits for them up to the grace window. */
  public void disconnect(String playerId) {
    SeatState seat = seats.of(playerId);
    if (seat != null && seat.reachable()) {
      seat.connected = false;
      seat.disconnectedAtTick = tick;
      seat.inputs.clear();
      if (playing()) {
        game.absent(seat.slot);
      }
    }
  }

  /** The player is back through {@code gateway}; false when the seat is gone (left, timed out, over). */
  public boolean resume(String playerId, String gateway) {
    SeatState seat = seats.of(playerId);
    if (seat == null || !seat.present || !playing()) {
      return false;
    }
    seat.connected = true;
    seat.gateway = gateway;
    return true;
  }

  /** Marks the seats of players whose gateway is not among {@code liveGateways} as disconnected. */
  public void disconnectGatewaysOtherThan(Set<String> liveGateways) {
    for (SeatState seat : seats.all()) {
      if (seat.connected && !liveGateways.contains(seat.gateway)) {
        disconnect(seat.playerId);
      }
    }
  }

  public String id() {
    return id;
  }

  /** The seats as the matchmaker made them, by slot (current gateway included). */
  public List<Seat> seats() {
    return seats.asSeats();
  }

  Seats seatTable() {
    return seats;
  }

  Game game() {
    return game;
  }

  long countdownTicks() {
    return countdownTicks;
  }

  /** True when no player is left in the match. */
  public boolean empty() {
    return !seats.anyPresent();
  }

  /** True when no player in the match is connected right now. */
  public boolean unattended() {
    return !seats.anyReachable();
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
    SeatState seat = seats.of(playerId);
    if (seat == null || !seat.present || !playing()) {
      return false;
    }
    return seat.inputs.offer(seq, input, seat.lastAppliedSeq);
  }

  /**
   * The player has gone for good. Returns true when nobody is left, so the match is over. While
   * one player or more remain, the match goes on under the game's rules (in arena, whoever is left
   * plays on to the time or score limit); a leaver ranks after every player who stayed.
   */
  public boolean leave(String playerId) {
    SeatState seat = seats.of(playerId);
    if (seat != null && seat.present) {
      seat.present = false;
      seat.inputs.clear();
      if (playing()) {
        try {
          game.leave(seat.slot);
        } catch (RuntimeException e) {
          failure = e;
          phase = Phase.FINISHED;
        }
      }
    }
    return empty();
  }

  /**
   * Runs one tick and returns what each gateway must forward, keyed by gateway address; empty on
   * ticks that send no state (see {@code state-every-ticks}), except that the tick a phase changes
   * always sends.
   */
  public Map<String, RoomTick> tickOnce() {
    if (!playing()) {
      return Map.of();
    }
    tick++;
    Phase before = phase;
    seats.pastGrace(tick, graceTicks).forEach(this::leave);
    try {
      if (phase == Phase.WAITING) {
        if (--countdownTicks <= 0) {
          phase = Phase.RUNNING;
        }
      } else if (!game.finished()) { // a leave may have ended it since the last tick
        game.tick(drainInputs());
      }
      if (phase == Phase.RUNNING && game.finished()) {
        phase = Phase.FINISHED;
      }
      boolean due = tick % mode.stateEveryTicks() == 0 || phase != before;
      return due ? frames.byGateway(tick, wirePhase()) : Map.of();
    } catch (RuntimeException e) {
      // A game's bug must end its room, not leave it ticking nothing with its players waiting.
      failure = e;
      phase = Phase.FINISHED;
      return Map.of();
    }
  }

  /** What the game threw, if a call into it failed; the room is then finished. */
  public RuntimeException failure() {
    return failure;
  }

  /** Ends the match now, whatever the game says (every player gone, an operator, a drain). */
  public void end() {
    if (playing()) {
      phase = Phase.FINISHED;
    }
  }

  /** The standings as they are now, leavers last (see {@link FinalStandings}). */
  List<FinalStandings.Ranked> finalStandings() {
    return FinalStandings.rank(game.standings(), slot -> !seats.at(slot).present);
  }

  /** The seated players, by slot. */
  public List<String> playerIds() {
    return seats.all().stream().map(s -> s.playerId).toList();
  }

  public String nameOf(int slot) {
    return seats.at(slot).name;
  }

  public String playerIdOf(int slot) {
    return seats.at(slot).playerId;
  }

  public int ratingOf(int slot) {
    return seats.at(slot).rating;
  }

  /** Gateways of the players still present and connected, each once. */
  public List<String> gateways() {
    return seats.reachableGateways();
  }

  /** The frame for one player alone: the full current state (for a player who just came back). */
  public RoomTick frameFor(String playerId) {
    return frames.forPlayer(seats.of(playerId), tick, wirePhase());
  }

  public void dispose() {
    phase = Phase.DISPOSED;
  }

  private boolean playing() {
    return phase == Phase.WAITING || phase == Phase.RUNNING;
  }

  private List<PlayerInput> drainInputs() {
    tickInputs.clear();
    for (SeatState seat : seats.all()) {
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

  RoomPhase wirePhase() {
    return switch (phase) {
      case WAITING -> RoomPhase.ROOM_PHASE_WAITING;
      case RUNNING -> RoomPhase.ROOM_PHASE_RUNNING;
      default -> RoomPhase.ROOM_PHASE_FINISHED;
    };
  }
}
