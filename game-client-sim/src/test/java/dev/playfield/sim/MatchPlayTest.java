package dev.playfield.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.Int32Value;
import com.google.protobuf.Message;
import com.google.protobuf.StringValue;
import dev.playfield.game.bot.BotPlayer;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.RoomPhase;
import dev.playfield.protocol.v1.State;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A bot's part in a match, stepped by hand: any game's inputs and states, through its BotPlayer. */
class MatchPlayTest {

  private static final long MS = 1_000_000L;
  private static final long PERIOD = 50 * MS;
  private static final String ROOM = "room-1";

  private final Metrics metrics = new Metrics();
  private final BotContext context = new BotContext(null, null, metrics, null, null, PERIOD, 1_000 * MS);

  /** Answers with the inputs queued for it (empty when none), and keeps what it was told. */
  private static final class ScriptedPlayer implements BotPlayer {
    final boolean reads;
    final Deque<Optional<Message>> inputs = new ArrayDeque<>();
    final List<Any> observed = new ArrayList<>();
    final List<String> starts = new ArrayList<>();

    ScriptedPlayer(boolean reads) {
      this.reads = reads;
    }

    @Override
    public void matchStarted(int slot, int players) {
      starts.add(slot + "/" + players);
    }

    @Override
    public boolean readsState() {
      return reads;
    }

    @Override
    public void observe(Any state) {
      if (state.is(StringValue.class)) {
        throw new IllegalArgumentException("not a state this player can read");
      }
      observed.add(state);
    }

    @Override
    public Optional<Message> nextInput(long nowNanos) {
      return inputs.isEmpty() ? Optional.empty() : inputs.poll();
    }
  }

  private static State state(RoomPhase phase, int lastInputSeq, Message game) {
    State.Builder state = State.newBuilder().setRoomId(ROOM).setPhase(phase).setLastInputSeq(lastInputSeq);
    return game == null ? state.build() : state.setGame(Any.pack(game)).build();
  }

  @Test
  void theSlotGoesToThePlayerAndNoInputIsAskedForBeforeTheMatchRuns() {
    ScriptedPlayer player = new ScriptedPlayer(true);
    player.inputs.add(Optional.of(StringValue.of("too early")));
    MatchPlay play = new MatchPlay(0, context, player, true);
    play.start(2, 6, 0);
    assertThat(player.starts).containsExactly("2/6");
    assertThat(play.dueInput(0)).isNull();
    play.onState(state(RoomPhase.ROOM_PHASE_WAITING, 0, null), ROOM, 10 * MS);
    assertThat(play.dueInput(20 * MS)).isNull();
    assertThat(player.inputs).as("never asked").hasSize(1);
  }

  @Test
  void aRunningMatchAsksOncePerPeriodAndPacksWhatThePlayerSaysIntoInputGame() throws Exception {
    ScriptedPlayer player = new ScriptedPlayer(false);
    player.inputs.add(Optional.of(StringValue.of("first")));
    player.inputs.add(Optional.empty());
    player.inputs.add(Optional.of(StringValue.of("second")));
    MatchPlay play = new MatchPlay(0, context, player, true);
    play.start(0, 2, 0);
    play.onState(state(RoomPhase.ROOM_PHASE_RUNNING, 0, null), ROOM, 100 * MS);
    ClientMessage first = play.dueInput(100 * MS);
    assertThat(play.dueInput(120 * MS)).as("within the period").isNull();
    assertThat(play.dueInput(150 * MS)).as("the player had nothing to say").isNull();
    ClientMessage second = play.dueInput(200 * MS);
    assertThat(first.getInput().getSeq()).isEqualTo(1);
    assertThat(first.getInput().getGame().unpack(StringValue.class).getValue()).isEqualTo("first");
    assertThat(second.getInput().getSeq()).as("an empty answer uses no sequence number").isEqualTo(2);
    assertThat(second.getInput().getGame().unpack(StringValue.class).getValue()).isEqualTo("second");
    assertThat(metrics.inputsSent.sum()).isEqualTo(2);
  }

  @Test
  void anUnchangedInputIsPackedOnceAndAChangedOneAgain() {
    ScriptedPlayer player = new ScriptedPlayer(false);
    StringValue north = StringValue.of("north");
    player.inputs.add(Optional.of(north));
    player.inputs.add(Optional.of(StringValue.of("north"))); // equal, not the same object
    player.inputs.add(Optional.of(StringValue.of("south")));
    MatchPlay play = new MatchPlay(0, context, player, true);
    play.start(0, 2, 0);
    play.onState(state(RoomPhase.ROOM_PHASE_RUNNING, 0, null), ROOM, 0);
    Any one = play.dueInput(0).getInput().getGame();
    Any two = play.dueInput(PERIOD).getInput().getGame();
    Any three = play.dueInput(2 * PERIOD).getInput().getGame();
    assertThat(two).isSameAs(one);
    assertThat(three).isNotSameAs(one).isNotEqualTo(one);
  }

  @Test
  void onlyAPlayerThatReadsStatesIsGivenThemAndAStateItCannotReadIsUndecodable() {
    ScriptedPlayer reader = new ScriptedPlayer(true);
    ScriptedPlayer blind = new ScriptedPlayer(false);
    MatchPlay reading = new MatchPlay(0, context, reader, true);
    MatchPlay notReading = new MatchPlay(1, context, blind, true);
    for (MatchPlay play : List.of(reading, notReading)) {
      play.start(0, 2, 0);
      play.onState(state(RoomPhase.ROOM_PHASE_RUNNING, 0, Int32Value.of(7)), ROOM, 10 * MS);
      play.onState(state(RoomPhase.ROOM_PHASE_RUNNING, 0, null), ROOM, 20 * MS);
    }
    assertThat(reader.observed).as("the state without a game is not handed over")
        .containsExactly(Any.pack(Int32Value.of(7)));
    assertThat(blind.observed).isEmpty();
    reading.onState(state(RoomPhase.ROOM_PHASE_RUNNING, 0, StringValue.of("?")), ROOM, 30 * MS);
    assertThat(metrics.undecodable.sum()).isEqualTo(1);
    assertThat(metrics.statesReceived.sum()).isEqualTo(5);
  }

  @Test
  void aStateThatAcknowledgesInputsTimesEachOfThem() {
    ScriptedPlayer player = new ScriptedPlayer(false);
    for (int i = 0; i < 3; i++) {
      player.inputs.add(Optional.of(Int32Value.of(i)));
    }
    MatchPlay play = new MatchPlay(0, context, player, true);
    play.start(0, 2, 0);
    play.onState(state(RoomPhase.ROOM_PHASE_RUNNING, 0, null), ROOM, 0);
    for (int i = 0; i < 3; i++) {
      assertThat(play.dueInput(i * PERIOD)).isNotNull();
    }
    play.onState(state(RoomPhase.ROOM_PHASE_RUNNING, 2, null), ROOM, 3 * PERIOD);
    assertThat(metrics.acksReceived.sum()).isEqualTo(2);
    play.onState(state(RoomPhase.ROOM_PHASE_RUNNING, 3, null), ROOM, 4 * PERIOD);
    assertThat(metrics.acksReceived.sum()).isEqualTo(3);
    assertThat(metrics.ackLatency.getIntervalHistogram().getMaxValue()).as("microseconds, from the first input")
        .isBetween(3 * PERIOD / 1_000 - 100, 3 * PERIOD / 1_000 + 100);
  }

  @Test
  void aFinishedMatchAsksForNoMoreInputs() {
    ScriptedPlayer player = new ScriptedPlayer(false);
    player.inputs.add(Optional.of(Int32Value.of(1)));
    MatchPlay play = new MatchPlay(0, context, player, true);
    play.start(0, 2, 0);
    play.onState(state(RoomPhase.ROOM_PHASE_RUNNING, 0, null), ROOM, 0);
    play.onState(state(RoomPhase.ROOM_PHASE_FINISHED, 0, null), ROOM, 10 * MS);
    assertThat(play.dueInput(PERIOD)).isNull();
  }

  @Test
  void silenceIsAStallOnlyForAGameThatSendsAStateEveryTick() {
    long stall = MatchPlay.STALL_NANOS;
    MatchPlay everyTick = new MatchPlay(0, context, new ScriptedPlayer(false), true);
    MatchPlay onChange = new MatchPlay(0, context, new ScriptedPlayer(false), false);
    for (MatchPlay play : List.of(everyTick, onChange)) {
      play.start(0, 2, 0);
      play.onState(state(RoomPhase.ROOM_PHASE_RUNNING, 0, null), ROOM, 0);
    }
    assertThat(everyTick.stalled(stall)).isFalse();
    assertThat(everyTick.stalled(stall + 1)).isTrue();
    assertThat(onChange.stalled(100 * stall)).as("a turn-based room may be silent while a player thinks").isFalse();
  }

  @Test
  void aLongGapIsARoomPauseOnlyForAGameThatSendsAStateEveryTick() {
    MatchPlay everyTick = new MatchPlay(0, context, new ScriptedPlayer(false), true);
    MatchPlay onChange = new MatchPlay(0, context, new ScriptedPlayer(false), false);
    everyTick.start(0, 2, 0);
    onChange.start(0, 2, 0);
    everyTick.onState(state(RoomPhase.ROOM_PHASE_RUNNING, 0, null), ROOM, 100 * MS);
    everyTick.onState(state(RoomPhase.ROOM_PHASE_RUNNING, 0, null), ROOM, 1_000 * MS);
    onChange.onState(state(RoomPhase.ROOM_PHASE_RUNNING, 0, null), "room-2", 100 * MS);
    onChange.onState(state(RoomPhase.ROOM_PHASE_RUNNING, 0, null), "room-2", 5_000 * MS);
    assertThat(metrics.roomPauses().getTotalCount()).as("room-1 only").isEqualTo(1);
    assertThat(metrics.roomPauses().getMaxValue()).isBetween(899_000L, 901_000L);
  }
}
