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
import dev.playfield.protocol.internal.RoomTick;
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
  private long countdownTicks;
  private long tick;
  private Phase phase = Phase.WAITING;

  public Room(String id, ModeConfig mode, GameType type, Game game, List<Seat> players) {
    this.id = id;
    this.mode = mode;
    this.type = type;
    this.game = game;
    this.countdownTicks = Math.round(mode.countdownMs() / mode.tickPeriodMs());
    for (Seat player : players) {
      var seat = new SeatState(player.getPlayerId(), player.getName(), player.getRating(),
          seats.size(), player.getGateway(), mode.inputQueueSize());
      seats.add(seat);
      seatsByPlayer.put(seat.playerId, seat);
    }
  }

  public String id() {
    return id;
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

  /** Gateways of the players still present, each once. */
  public List<String> gateways() {
    return seats.stream().filter(s -> s.present).map(s -> s.gateway).distinct().toList();
  }

  public void dispose() {
    phase = Phase.DISPOSED;
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

  private Map<String, RoomTick> frames() {
    RoomPhase wirePhase = switch (phase) {
      case WAITING -> RoomPhase.ROOM_PHASE_WAITING;
      case RUNNING -> RoomPhase.ROOM_PHASE_RUNNING;
      default -> RoomPhase.ROOM_PHASE_FINISHED;
    };
    boolean shared = game.sharedView();
    Any sharedState = shared ? Any.pack(game.view(0)) : null;
    Map<String, RoomTick.Builder> byGateway = new LinkedHashMap<>();
    for (var seat : seats) {
      if (!seat.present) {
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
