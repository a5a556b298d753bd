package dev.playfield.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Int32Value;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.StringValue;
import dev.playfield.config.ModeConfig;
import dev.playfield.game.Game;
import dev.playfield.game.GameSetup;
import dev.playfield.game.GameType;
import dev.playfield.game.PlayerInput;
import dev.playfield.game.Standing;
import dev.playfield.protocol.internal.Recipient;
import dev.playfield.protocol.internal.RoomTick;
import dev.playfield.protocol.internal.Seat;
import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.protocol.v1.RoomPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The room stepped by hand, one {@link Room#tickOnce()} at a time, around a game that records its calls. */
class RoomTest {

  private static final long GRACE_TICKS = 40;

  private static final String GATEWAY_A = "playfield.gateway.a";
  private static final String GATEWAY_B = "playfield.gateway.b";

  private final RecordingGame game = new RecordingGame();

  // ---- countdown ----

  @ParameterizedTest(name = "{0} Hz, countdown {1} ms -> running on tick {2}")
  @CsvSource({
      "20, 1500, 30",
      "20,   80,  2", // 1.6 periods rounds up
      "20,   60,  1", // 1.2 periods rounds down
      "30,  100,  3",
      "20,    0,  1"  // no countdown: the phase still changes on the first tick, before any game tick
  })
  void countdownHoldsTheRoomInWaitingForItsRoundedNumberOfTicks(int tickRate, int countdownMs, int runningOnTick) {
    Room room = room(mode(tickRate, 1, 4, 32, countdownMs), seat("p1", GATEWAY_A));

    for (int tick = 1; tick < runningOnTick; tick++) {
      Map<String, RoomTick> frames = room.tickOnce();
      assertThat(room.phase()).as("phase after tick %d", tick).isEqualTo(Room.Phase.WAITING);
      assertThat(frames.get(GATEWAY_A).getPhase()).isEqualTo(RoomPhase.ROOM_PHASE_WAITING);
    }
    Map<String, RoomTick> switched = room.tickOnce();
    assertThat(room.phase()).isEqualTo(Room.Phase.RUNNING);
    assertThat(switched.get(GATEWAY_A).getPhase()).isEqualTo(RoomPhase.ROOM_PHASE_RUNNING);
    assertThat(game.ticks).as("the game is not ticked during the countdown").isEmpty();

    room.tickOnce();
    assertThat(game.ticks).hasSize(1);
  }

  @Test
  void inputsOfferedDuringTheCountdownWaitForTheFirstGameTick() {
    Room room = room(mode(20, 1, 4, 32, 100), seat("p1", GATEWAY_A));
    assertThat(room.offer("p1", 1, input(10))).isTrue();

    room.tickOnce();
    room.tickOnce(); // countdown over: running, game not ticked yet
    assertThat(game.ticks).isEmpty();

    room.tickOnce();
    assertThat(game.values(0, 0)).containsExactly(10);
  }

  // ---- inputs ----

  @Test
  void inputsOfferedOutOfOrderAreAppliedOnceInSequenceOrder() {
    Room room = runningRoom(mode(20, 1, 4, 32, 0), seat("p1", GATEWAY_A));

    room.offer("p1", 3, input(30));
    room.offer("p1", 1, input(10));
    room.offer("p1", 2, input(20));
    room.tickOnce();
    room.tickOnce();

    assertThat(game.values(0, 0)).containsExactly(10, 20, 30);
    assertThat(game.values(1, 0)).as("drained inputs are not applied again").isEmpty();
  }

  @Test
  void aPlayerGetsAtMostMaxInputsPerTickAndTheRestWaitForLaterTicks() {
    Room room = runningRoom(mode(20, 1, 2, 32, 0), seat("p1", GATEWAY_A), seat("p2", GATEWAY_A));
    for (int seq = 1; seq <= 5; seq++) {
      room.offer("p1", seq, input(seq));
    }
    room.offer("p2", 1, input(100));

    room.tickOnce();
    room.tickOnce();
    room.tickOnce();

    assertThat(game.values(0, 0)).containsExactly(1, 2);
    assertThat(game.values(0, 1)).as("another player's limit is separate").containsExactly(100);
    assertThat(game.values(1, 0)).containsExactly(3, 4);
    assertThat(game.values(2, 0)).containsExactly(5);
  }

  @Test
  void staleAndDuplicateSequenceNumbersAreRefused() {
    Room room = runningRoom(mode(20, 1, 4, 32, 0), seat("p1", GATEWAY_A));

    assertThat(room.offer("p1", 0, input(0))).as("seq 0: nothing applied yet is 0").isFalse();
    assertThat(room.offer("p1", 2, input(20))).isTrue();
    assertThat(room.offer("p1", 2, input(21))).as("duplicate of a queued seq").isFalse();
    room.tickOnce();

    assertThat(room.offer("p1", 2, input(22))).as("already applied").isFalse();
    assertThat(room.offer("p1", 1, input(10))).as("older than the last applied").isFalse();
    assertThat(room.offer("p1", 3, input(30))).isTrue();
    room.tickOnce();

    assertThat(game.values(0, 0)).containsExactly(20);
    assertThat(game.values(1, 0)).containsExactly(30);
  }

  @Test
  void offersFromPlayersNotSeatedHereAreRefused() {
    Room room = runningRoom(mode(20, 1, 4, 32, 0), seat("p1", GATEWAY_A));

    assertThat(room.offer("stranger", 1, input(1))).isFalse();
  }

  @Test
  void aFullInputQueueDropsTheOldestInputs() {
    Room room = runningRoom(mode(20, 1, 10, 3, 0), seat("p1", GATEWAY_A));
    for (int seq = 1; seq <= 5; seq++) {
      assertThat(room.offer("p1", seq, input(seq))).isTrue();
    }

    room.tickOnce();

    assertThat(game.values(0, 0)).containsExactly(3, 4, 5);
  }

  @Test
  void anInputOfTheWrongTypeIsSkippedButItsSequenceCountsAsApplied() {
    Room room = runningRoom(mode(20, 1, 4, 32, 0), seat("p1", GATEWAY_A));
    room.offer("p1", 1, Any.pack(StringValue.of("not an Int32Value")));
    room.offer("p1", 2, input(20));

    Map<String, RoomTick> frames = room.tickOnce();

    assertThat(game.values(0, 0)).containsExactly(20);
    assertThat(recipient(frames.get(GATEWAY_A), "p1").getLastInputSeq()).isEqualTo(2);
    assertThat(room.offer("p1", 1, input(10))).isFalse();
  }

  // ---- frames ----

  @Test
  void eachRecipientIsToldTheLastSequenceAppliedForThem() {
    Room room = runningRoom(mode(20, 1, 4, 32, 0),
        seat("p1", GATEWAY_A), seat("p2", GATEWAY_A), seat("p3", GATEWAY_B));
    room.offer("p1", 1, input(1));
    room.offer("p1", 2, input(2));
    room.offer("p1", 3, input(3));
    room.offer("p2", 7, input(7));

    Map<String, RoomTick> frames = room.tickOnce();

    assertThat(recipient(frames.get(GATEWAY_A), "p1").getLastInputSeq()).isEqualTo(3);
    assertThat(recipient(frames.get(GATEWAY_A), "p2").getLastInputSeq()).isEqualTo(7);
    assertThat(recipient(frames.get(GATEWAY_B), "p3").getLastInputSeq()).as("sent nothing yet").isZero();
  }

  @Test
  void framesAreGroupedByGatewayWithOneRecipientPerPlayer() {
    Room room = runningRoom(mode(20, 1, 4, 32, 0),
        seat("p1", GATEWAY_A), seat("p2", GATEWAY_A), seat("p3", GATEWAY_B));

    Map<String, RoomTick> frames = room.tickOnce();

    assertThat(frames).containsOnlyKeys(GATEWAY_A, GATEWAY_B);
    assertThat(playerIds(frames.get(GATEWAY_A))).containsExactly("p1", "p2");
    assertThat(playerIds(frames.get(GATEWAY_B))).containsExactly("p3");
    assertThat(frames.values()).allSatisfy(frame -> {
      assertThat(frame.getTick()).isEqualTo(room.tick());
      assertThat(frame.getPhase()).isEqualTo(RoomPhase.ROOM_PHASE_RUNNING);
    });
  }

  @Test
  void aSharedViewIsPackedOncePerFrameAndNotPerRecipient() throws InvalidProtocolBufferException {
    game.shared = true;
    Room room = runningRoom(mode(20, 1, 4, 32, 0),
        seat("p1", GATEWAY_A), seat("p2", GATEWAY_A), seat("p3", GATEWAY_B));

    Map<String, RoomTick> frames = room.tickOnce();

    for (RoomTick frame : frames.values()) {
      assertThat(frame.hasSharedGame()).isTrue();
      assertThat(frame.getSharedGame().unpack(StringValue.class).getValue()).isEqualTo("everyone after 1 ticks");
      assertThat(frame.getRecipientsList()).allSatisfy(r -> assertThat(r.hasGame()).isFalse());
    }
  }

  @Test
  void aPerPlayerViewGivesEachRecipientTheViewOfItsOwnSlot() {
    game.shared = false;
    Room room = runningRoom(mode(20, 1, 4, 32, 0),
        seat("p1", GATEWAY_A), seat("p2", GATEWAY_A), seat("p3", GATEWAY_B));

    Map<String, RoomTick> frames = room.tickOnce();

    assertThat(frames.values()).allSatisfy(frame -> assertThat(frame.hasSharedGame()).isFalse());
    assertThat(view(recipient(frames.get(GATEWAY_A), "p1"))).isEqualTo("slot 0 after 1 ticks");
    assertThat(view(recipient(frames.get(GATEWAY_A), "p2"))).isEqualTo("slot 1 after 1 ticks");
    assertThat(view(recipient(frames.get(GATEWAY_B), "p3"))).isEqualTo("slot 2 after 1 ticks");
  }

  @Test
  void stateEveryTwoTicksSendsOnEvenTicksAndOnEveryPhaseChange() {
    // 150 ms at 20 Hz: running from tick 3 (odd); the game ends on its 4th tick, room tick 7 (odd).
    game.finishAfterTicks = 4;
    Room room = room(mode(20, 2, 4, 32, 150), seat("p1", GATEWAY_A));

    List<Long> sentOn = new ArrayList<>();
    List<RoomPhase> sentPhases = new ArrayList<>();
    while (room.phase() != Room.Phase.FINISHED) {
      Map<String, RoomTick> frames = room.tickOnce();
      if (!frames.isEmpty()) {
        sentOn.add(room.tick());
        sentPhases.add(frames.get(GATEWAY_A).getPhase());
      }
    }

    assertThat(sentOn).containsExactly(2L, 3L, 4L, 6L, 7L);
    assertThat(sentPhases).containsExactly(
        RoomPhase.ROOM_PHASE_WAITING, RoomPhase.ROOM_PHASE_RUNNING, RoomPhase.ROOM_PHASE_RUNNING,
        RoomPhase.ROOM_PHASE_RUNNING, RoomPhase.ROOM_PHASE_FINISHED);
  }

  // ---- leaving ----

  @Test
  void aPlayerWhoLeavesIsToldTheGameAndGetsNoMoreFrames() {
    Room room = runningRoom(mode(20, 1, 4, 32, 0),
        seat("p1", GATEWAY_A), seat("p2", GATEWAY_A), seat("p3", GATEWAY_B));

    assertThat(room.leave("p3")).as("others remain").isFalse();
    Map<String, RoomTick> frames = room.tickOnce();

    assertThat(game.left).containsExactly(2);
    assertThat(frames).containsOnlyKeys(GATEWAY_A);
    assertThat(room.gateways()).containsExactly(GATEWAY_A);
    assertThat(room.offer("p3", 1, input(1))).as("a player who left cannot send inputs").isFalse();
  }

  @Test
  void inputsQueuedByAPlayerWhoLeavesAreNotApplied() {
    Room room = runningRoom(mode(20, 1, 4, 32, 0), seat("p1", GATEWAY_A), seat("p2", GATEWAY_A));
    room.offer("p1", 1, input(1));
    room.offer("p1", 2, input(2));

    room.leave("p1");
    room.tickOnce();

    assertThat(game.values(0, 0)).isEmpty();
  }

  @Test
  void leaveReturnsTrueOnceTheLastPlayerHasLeft() {
    Room room = runningRoom(mode(20, 1, 4, 32, 0), seat("p1", GATEWAY_A), seat("p2", GATEWAY_B));

    assertThat(room.leave("p1")).isFalse();
    assertThat(room.leave("p1")).as("leaving twice changes nothing").isFalse();
    assertThat(room.leave("p2")).isTrue();
    assertThat(game.left).as("the game hears of each departure once").containsExactly(0, 1);
    assertThat(room.tickOnce()).isEmpty();
  }

  // ---- the end ----

  @Test
  void aFinishedGameFinishesTheRoomAndLaterTicksDoNothing() {
    game.finishAfterTicks = 2;
    Room room = runningRoom(mode(20, 1, 4, 32, 0), seat("p1", GATEWAY_A));

    room.tickOnce();
    assertThat(room.phase()).isEqualTo(Room.Phase.RUNNING);
    Map<String, RoomTick> last = room.tickOnce();
    assertThat(room.phase()).isEqualTo(Room.Phase.FINISHED);
    assertThat(last.get(GATEWAY_A).getPhase()).isEqualTo(RoomPhase.ROOM_PHASE_FINISHED);
    long finishedAt = room.tick();

    assertThat(room.tickOnce()).isEmpty();
    assertThat(room.tick()).isEqualTo(finishedAt);
    assertThat(game.ticks).hasSize(2);
    assertThat(room.offer("p1", 1, input(1))).isFalse();
    room.leave("p1");
    assertThat(game.left).as("a finished game is not told about departures").isEmpty();
  }

  @Test
  void aLeaveThatEndsTheGameFinishesTheRoomWithoutTickingTheFinishedGame() {
    game.finishWhenLeft = true;
    Room room = runningRoom(mode(20, 1, 4, 32, 0), seat("p1", GATEWAY_A), seat("p2", GATEWAY_A));
    room.tickOnce();

    room.leave("p1");
    Map<String, RoomTick> last = room.tickOnce();

    assertThat(room.phase()).isEqualTo(Room.Phase.FINISHED);
    assertThat(last.get(GATEWAY_A).getPhase()).isEqualTo(RoomPhase.ROOM_PHASE_FINISHED);
    assertThat(game.ticks).as("a finished game is never ticked").hasSize(1);
  }

  @Test
  void aGameThatThrowsFinishesItsRoomAndKeepsWhatItThrew() {
    game.throwOnTick = new IllegalStateException("bug");
    Room room = runningRoom(mode(20, 1, 4, 32, 0), seat("p1", GATEWAY_A));

    assertThat(room.tickOnce()).isEmpty();

    assertThat(room.phase()).isEqualTo(Room.Phase.FINISHED);
    assertThat(room.failure()).isSameAs(game.throwOnTick);
    assertThat(room.tickOnce()).isEmpty();
  }

  @Test
  void leaversRankLast() {
    // A 0-0 game: the game ranks all three first.
    game.standings = List.of(new Standing(0, 1, 0), new Standing(1, 1, 0), new Standing(2, 1, 0));
    Room room = runningRoom(mode(20, 1, 4, 32, 0),
        seat("p1", GATEWAY_A), seat("p2", GATEWAY_A), seat("p3", GATEWAY_B));
    room.leave("p1");
    room.end();

    MatchEnd end = MatchResults.cutShort(room);

    assertThat(end.getStandingsList()).extracting(s -> s.getPlayerId() + ":" + s.getRank() + ":" + s.getLeft())
        .containsExactly("p2:1:false", "p3:1:false", "p1:3:true");
  }

  @Test
  void aPlayerWhoseGraceRanOutRanksAsALeaver() {
    game.standings = List.of(new Standing(0, 1, 4), new Standing(1, 2, 1));
    Room room = runningRoom(mode(20, 1, 4, 32, 0), seat("p1", GATEWAY_A), seat("p2", GATEWAY_B));
    room.disconnect("p1");
    for (int tick = 0; tick <= GRACE_TICKS; tick++) {
      room.tickOnce();
    }

    MatchEnd end = MatchResults.cutShort(room);

    assertThat(end.getStandingsList()).extracting(s -> s.getPlayerId() + ":" + s.getRank() + ":" + s.getLeft())
        .containsExactly("p2:1:false", "p1:2:true");
  }

  @Test
  void endingARoomStopsItAndRefusesInputsAndResumes() {
    Room room = runningRoom(mode(20, 1, 4, 32, 0), seat("p1", GATEWAY_A));

    room.end();

    assertThat(room.phase()).isEqualTo(Room.Phase.FINISHED);
    assertThat(room.tickOnce()).isEmpty();
    assertThat(room.offer("p1", 1, input(1))).isFalse();
    assertThat(room.resume("p1", GATEWAY_B)).isFalse();
  }

  @Test
  void aRecordRestoresTheRoomWhereItWas() {
    Room room = runningRoom(mode(20, 1, 4, 32, 0), seat("p1", GATEWAY_A), seat("p2", GATEWAY_B));
    room.offer("p1", 1, input(1));
    room.tickOnce();
    room.disconnect("p2");

    Room restored = RoomRecords.restore(RoomRecords.record(room, "node-x", 7), mode(20, 1, 4, 32, 0),
        new RecordingGameType(game), (seed, seats) -> null, GRACE_TICKS, InputDrops.NONE);

    assertThat(restored.tick()).isEqualTo(room.tick());
    assertThat(restored.phase()).isEqualTo(Room.Phase.RUNNING);
    assertThat(restored.seats()).isEqualTo(room.seats());
    assertThat(restored.gateways()).containsExactly(GATEWAY_A);
    assertThat(restored.offer("p1", 1, input(1))).as("seq 1 was applied before the record").isFalse();
    assertThat(restored.offer("p1", 2, input(2))).isTrue();
  }

  @Test
  void aDisposedRoomNoLongerTicks() {
    Room room = runningRoom(mode(20, 1, 4, 32, 0), seat("p1", GATEWAY_A));

    room.dispose();

    assertThat(room.tickOnce()).isEmpty();
    assertThat(game.ticks).isEmpty();
  }

  // ---- fixtures ----

  /** Queue rules are the matchmaker's business; a room never reads them, hence null. */
  private static ModeConfig mode(int tickRate, int stateEveryTicks, int maxInputsPerTick, int inputQueueSize,
      int countdownMs) {
    return new ModeConfig("test", "recording", null, tickRate, stateEveryTicks, maxInputsPerTick,
        inputQueueSize, countdownMs, Map.of());
  }

  private static Seat seat(String playerId, String gateway) {
    return Seat.newBuilder().setPlayerId(playerId).setName("name-" + playerId).setRating(1000)
        .setGateway(gateway).build();
  }

  private Room room(ModeConfig mode, Seat... seats) {
    return new Room("room-1", mode, new RecordingGameType(game), game, List.of(seats), GRACE_TICKS);
  }

  /** A room past its (zero) countdown: the next tick is the game's first. */
  private Room runningRoom(ModeConfig mode, Seat... seats) {
    assertThat(mode.countdownMs()).isZero();
    Room room = room(mode, seats);
    room.tickOnce();
    assertThat(room.phase()).isEqualTo(Room.Phase.RUNNING);
    return room;
  }

  private static Any input(int value) {
    return Any.pack(Int32Value.of(value));
  }

  private static Recipient recipient(RoomTick frame, String playerId) {
    return frame.getRecipientsList().stream().filter(r -> r.getPlayerId().equals(playerId)).findFirst()
        .orElseThrow(() -> new AssertionError(playerId + " is not a recipient of " + frame));
  }

  private static List<String> playerIds(RoomTick frame) {
    return frame.getRecipientsList().stream().map(Recipient::getPlayerId).toList();
  }

  private static String view(Recipient recipient) {
    try {
      return recipient.getGame().unpack(StringValue.class).getValue();
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  private static final class RecordingGameType implements GameType {
    private final Game game;

    RecordingGameType(Game game) {
      this.game = game;
    }

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public java.util.List<dev.playfield.game.GameMode> modes() {
      return java.util.List.of(new dev.playfield.game.GameMode("recording", 2, 1, 20, java.util.Map.of()));
    }

    @Override
    public Class<? extends Message> inputType() {
      return Int32Value.class;
    }

    @Override
    public Iterable<Descriptor> messageTypes() {
      return List.of(Int32Value.getDescriptor(), StringValue.getDescriptor());
    }

    @Override
    public Optional<String> rejectReason(Message input) {
      return Optional.empty();
    }

    @Override
    public Game create(GameSetup setup) {
      return game;
    }

    @Override
    public Game restore(GameSetup setup, byte[] snapshot) {
      return game;
    }
  }

  /** Records the inputs of every tick and every departure; views name the slot and the tick count. */
  private static final class RecordingGame implements Game {
    final List<List<PlayerInput>> ticks = new ArrayList<>();
    final List<Integer> left = new ArrayList<>();
    boolean shared;
    int finishAfterTicks = Integer.MAX_VALUE;
    boolean finishWhenLeft;
    RuntimeException throwOnTick;
    List<Standing> standings = IntStream.range(0, 1).mapToObj(slot -> new Standing(slot, 1, 0)).toList();

    /** The Int32Value inputs of {@code slot} in the game's {@code tickIndex}-th tick (0-based). */
    List<Integer> values(int tickIndex, int slot) {
      assertThat(ticks).as("game ticks so far").hasSizeGreaterThan(tickIndex);
      return ticks.get(tickIndex).stream()
          .filter(in -> in.slot() == slot)
          .map(in -> ((Int32Value) in.input()).getValue())
          .toList();
    }

    @Override
    public void tick(List<PlayerInput> inputs) {
      if (throwOnTick != null) {
        throw throwOnTick;
      }
      ticks.add(List.copyOf(inputs)); // the room reuses its list between ticks
    }

    @Override
    public void leave(int slot) {
      left.add(slot);
    }

    @Override
    public Message view(int slot) {
      String who = shared ? "everyone" : "slot " + slot;
      return StringValue.of(who + " after " + ticks.size() + " ticks");
    }

    @Override
    public boolean sharedView() {
      return shared;
    }

    @Override
    public boolean finished() {
      return ticks.size() >= finishAfterTicks || (finishWhenLeft && !left.isEmpty());
    }

    @Override
    public List<Standing> standings() {
      return standings;
    }

    @Override
    public byte[] snapshot() {
      return new byte[0];
    }
  }
}
