package dev.playfield.sim;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import dev.playfield.game.bot.BotPlayer;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.Input;
import dev.playfield.protocol.v1.RoomPhase;
import dev.playfield.protocol.v1.State;
import java.util.Optional;

/**
 * A bot's part in the match it is seated in: hands the states to its {@link BotPlayer} (only when
 * the player reads them), asks the player for an input at the input rate while the match runs and
 * packs it into {@code Input.game}, and times every input until a state acknowledges it. Knows no
 * game: what the inputs and states mean is the player's business.
 *
 * <p>Not thread-safe: used on the bot's event loop only. Times are {@link System#nanoTime()}.
 */
final class MatchPlay {

  /** Sent inputs remembered for acknowledgement; older unacknowledged ones are not timed. */
  private static final int ACK_WINDOW = 64;
  /** A match of a game that sends a state every tick, silent this long, is lost (its room is gone). */
  static final long STALL_NANOS = 20_000_000_000L;

  private final BotContext context;
  private final BotPlayer player;
  /**
   * A game whose states come only when something changed (turn-based) may stay silent for as long
   * as a player thinks: then silence is no sign of a lost room, and no pause of the room either.
   */
  private final boolean statesEveryTick;
  /** Where in the input period this bot's first input falls, so a crowd of bots spreads out. */
  private final double inputPhase;
  private final long[] sentAt = new long[ACK_WINDOW];

  private boolean running;
  private int seq;
  private int lastAcked;
  private long lastStateAt;
  private long nextInputAt;
  /** The last sign of life of the match: found, resumed, or a state. */
  private long progressAt;
  private Message lastInput;
  private Any lastPacked;
  private boolean awaitingStateAfterResume;
  private long droppedAt;
  private long reconnectedAt;

  MatchPlay(int index, BotContext context, BotPlayer player, boolean statesEveryTick) {
    this.context = context;
    this.player = player;
    this.statesEveryTick = statesEveryTick;
    this.inputPhase = (index * 0.618034) % 1.0;
  }

  /** The bot plays {@code slot} of {@code players} in a new match; inputs wait for the running phase. */
  void start(int slot, int players, long now) {
    progressAt = now;
    running = false;
    seq = 0;
    lastAcked = 0;
    lastStateAt = 0;
    awaitingStateAfterResume = false;
    player.matchStarted(slot, players);
  }

  /**
   * The bot took its seat back after a drop at {@code droppedAt} and a new connection at {@code
   * reconnectedAt}; the first state after it ends the pause the report times.
   */
  void resumed(long droppedAt, long reconnectedAt, long now) {
    this.droppedAt = droppedAt;
    this.reconnectedAt = reconnectedAt;
    awaitingStateAfterResume = true;
    progressAt = now;
  }

  /** No more inputs until a state says the match runs (again). */
  void stop() {
    running = false;
  }

  /** True when the room has been silent too long to be alive; never for a game that sends states on change. */
  boolean stalled(long now) {
    return statesEveryTick && now - progressAt > STALL_NANOS;
  }

  /** A state of this bot's match, in room {@code roomId}. */
  void onState(State state, String roomId, long now) {
    Metrics metrics = context.metrics();
    metrics.statesReceived.increment();
    if (lastStateAt != 0) {
      metrics.stateInterarrival.recordValue((now - lastStateAt) / 1_000);
    }
    if (awaitingStateAfterResume) {
      awaitingStateAfterResume = false;
      metrics.resumePause((now - droppedAt) / 1_000);
      metrics.resumeAfterReconnect((now - reconnectedAt) / 1_000);
    } else if (lastStateAt != 0 && statesEveryTick) {
      metrics.roomGap(roomId, (now - lastStateAt) / 1_000);
    }
    lastStateAt = now;
    progressAt = now;
    acknowledge(state.getLastInputSeq(), now);
    if (state.getPhase() == RoomPhase.ROOM_PHASE_FINISHED) {
      running = false; // the game is over: inputs now would only be refused
    } else if (!running && state.getPhase() == RoomPhase.ROOM_PHASE_RUNNING) {
      running = true;
      nextInputAt = now + (long) (context.inputPeriodNanos() * inputPhase);
    }
    if (player.readsState() && state.hasGame()) {
      try {
        player.observe(state.getGame());
      } catch (RuntimeException e) {
        metrics.undecodable.increment(); // the player could not read what the server sent
      }
    }
  }

  private void acknowledge(int applied, long now) {
    if (applied <= lastAcked) {
      return;
    }
    Metrics metrics = context.metrics();
    for (int s = Math.max(lastAcked + 1, seq - ACK_WINDOW + 1); s <= Math.min(applied, seq); s++) {
      metrics.ackLatency.recordValue(Math.max(0, (now - sentAt[s % ACK_WINDOW]) / 1_000));
      metrics.acksReceived.increment();
    }
    lastAcked = applied;
  }

  /**
   * The input to send now, or null: the player is asked once per input period while the match
   * runs, and may have nothing to say (not its turn). A bot that fell behind asks once, not once
   * per missed period.
   */
  ClientMessage dueInput(long now) {
    if (!running || now - nextInputAt < 0) {
      return null;
    }
    nextInputAt += context.inputPeriodNanos();
    if (now - nextInputAt >= 0) {
      nextInputAt = now + context.inputPeriodNanos(); // fell behind: no burst to catch up
    }
    Optional<Message> next;
    try {
      next = player.nextInput(now);
    } catch (RuntimeException e) {
      context.metrics().error("BOT_PLAYER_FAILED");
      return null;
    }
    if (next.isEmpty()) {
      return null;
    }
    Message input = next.get();
    if (input != lastInput && !input.equals(lastInput)) {
      lastInput = input;
      lastPacked = Any.pack(input); // reused while the player's input does not change
    }
    seq++;
    sentAt[seq % ACK_WINDOW] = now;
    context.metrics().inputsSent.increment();
    return ClientMessage.newBuilder().setInput(Input.newBuilder().setSeq(seq).setGame(lastPacked)).build();
  }
}
