package dev.playfield.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.config.DatabaseConfig;
import dev.playfield.events.OutboxEvent;
import dev.playfield.store.sql.SqlPlayerStore;
import dev.playfield.support.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every store must do, run against PostgreSQL and the embedded H2: each test on a database of
 * its own (a fresh schema, a fresh folder).
 */
class PlayerStoreContractTest {

  private static final int INITIAL = 1000;

  @TempDir
  Path embeddedDir;
  private Vertx vertx;
  private DatabaseConfig config;
  private String schema;
  private SqlPlayerStore store;
  private final String mode = "mode-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void cleanUp() {
    if (store != null) {
      store.close().await();
    }
    vertx.close().await();
    if (schema != null) {
      TestDatabases.dropSchema(schema);
    }
  }

  private SqlPlayerStore open(String database) {
    if (config == null) {
      if (database.equals("postgres")) {
        TestDatabases.requirePostgres();
        schema = TestDatabases.freshSchema();
        config = TestDatabases.postgres(schema);
      } else {
        config = TestDatabases.embedded(embeddedDir);
      }
    }
    store = SqlPlayerStore.open(vertx, config, "unused", INITIAL, new SimpleMeterRegistry(), Clock.systemUTC()).await();
    return store;
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "embedded"})
  void aPlayerIsCreatedOnceWithOneAccountEvent(String database) {
    PlayerStore players = open(database);
    assertThat(players.savePlayer("p-ann", "ann").await()).isTrue();
    assertThat(players.savePlayer("p-ann", "annie").await()).isFalse();
    assertThat(players.rating("p-ann", mode).await()).isEqualTo(INITIAL);

    List<OutboxEvent> events = store.pending(100).await();
    assertThat(events).extracting(OutboxEvent::type).containsExactly("account.created");
    JsonObject payload = new JsonObject(events.get(0).payloadJson());
    assertThat(payload.getString("id")).isEqualTo(events.get(0).id());
    assertThat(payload.getString("playerId")).isEqualTo("p-ann");
    assertThat(payload.getString("name")).isEqualTo("ann");
    assertThat(payload.getString("occurredAt")).endsWith("Z");
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "embedded"})
  void enteringCreatesANewPlayerOnceRenamesAndAnswersTheStoredRating(String database) {
    PlayerStore players = open(database);
    assertThat(players.enter("p-ann", "ann", mode).await()).isEqualTo(INITIAL);
    assertThat(players.enter("p-ann", "ann", mode).await()).isEqualTo(INITIAL);
    players.recordEnd(outcome("room-1", result("p-ann", 1, 16), result("p-bob", 2, -16))).await();
    assertThat(players.enter("p-ann", "ann", mode).await()).isEqualTo(1016);
    assertThat(players.enter("p-ann", "annie", mode).await()).isEqualTo(1016);
    assertThat(players.enter("p-ann", "annie", "another-mode").await()).isEqualTo(INITIAL);
    assertThat(players.standing("p-ann", mode).await().name()).isEqualTo("annie");

    assertThat(events("account.created")).extracting(e -> new JsonObject(e.payloadJson()).getString("playerId"))
        .containsExactly("p-ann", "p-bob");
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "embedded"})
  void aNewPlayerEnteringTwiceAtOnceIsCreatedOnce(String database) {
    PlayerStore players = open(database);
    List<Future<Integer>> all = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      all.add(players.enter("p-twin", "twin", mode));
    }
    Future.all(all).await();
    assertThat(all).allSatisfy(f -> assertThat(f.result()).isEqualTo(INITIAL));
    assertThat(events("account.created")).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "embedded"})
  void answersComeBackOnTheCallersEventLoop(String database) throws Exception {
    PlayerStore players = open(database);
    // Rooms and sessions call the store from their event loop and touch their state in the
    // answer: the pool's connections live on contexts of their own, the answers must not.
    for (int i = 0; i < 4; i++) {
      Context caller = vertx.getOrCreateContext();
      CompletableFuture<String[]> threads = new CompletableFuture<>();
      int n = i;
      caller.runOnContext(v -> {
        String calling = Thread.currentThread().getName();
        players.enter("p-thread-" + n, "t", mode)
            .compose(rating -> players.recordEnd(outcome("room-t" + n, result("p-thread-" + n, 1, 1), result("p-x", 2, -1))))
            .onComplete(done -> threads.complete(new String[] {calling, Thread.currentThread().getName()}));
      });
      String[] seen = threads.get(10, TimeUnit.SECONDS);
      assertThat(seen[1]).isEqualTo(seen[0]);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "embedded"})
  void aResultMovesRatingsFromWhatTheStoreHolds(String database) {
    PlayerStore players = open(database);
    RecordedMatch first = players.recordEnd(outcome("room-1", result("p-a", 1, 16), result("p-b", 2, -16))).await();
    assertThat(first.firstRecord()).isTrue();
    assertThat(first.standings()).extracting(RecordedMatch.Standing::playerId).containsExactly("p-a", "p-b");
    assertThat(first.standings()).extracting(RecordedMatch.Standing::ratingAfter).containsExactly(1016, 984);

    RecordedMatch second = players.recordEnd(outcome("room-2", result("p-b", 1, 20), result("p-a", 2, -20))).await();
    assertThat(second.standings()).extracting(RecordedMatch.Standing::ratingBefore).containsExactly(984, 1016);
    assertThat(players.rating("p-a", mode).await()).isEqualTo(996);
    assertThat(players.rating("p-b", mode).await()).isEqualTo(1004);
    assertThat(players.rating("p-a", "another-mode").await()).isEqualTo(INITIAL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "embedded"})
  void aRepeatedEndChangesNothingAndAnswersTheFirstRecord(String database) {
    PlayerStore players = open(database);
    MatchOutcome outcome = outcome("room-r", result("p-a", 1, 16), result("p-b", 2, -16));
    RecordedMatch first = players.recordEnd(outcome).await();
    // Replayed after a failover: the survivor's room ended later, with other numbers.
    RecordedMatch replay = players.recordEnd(new MatchOutcome("room-r", mode, 999,
        List.of(result("p-b", 1, 30), result("p-a", 2, -30)))).await();

    assertThat(replay.firstRecord()).isFalse();
    assertThat(replay.tick()).isEqualTo(first.tick());
    assertThat(replay.standings()).isEqualTo(first.standings());
    assertThat(players.rating("p-a", mode).await()).isEqualTo(1016);
    assertThat(events("match.ended")).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "embedded"})
  void endsDeliveredManyTimesAtOnceCountOnce(String database) {
    PlayerStore players = open(database);
    MatchOutcome outcome = outcome("room-c", result("p-a", 1, 10), result("p-b", 2, -10));
    List<Future<RecordedMatch>> all = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      all.add(players.recordEnd(outcome));
    }
    Future.all(all).await();
    assertThat(all).filteredOn(f -> f.result().firstRecord()).hasSize(1);
    assertThat(all).allSatisfy(f -> assertThat(f.result().standings())
        .extracting(RecordedMatch.Standing::ratingAfter).containsExactly(1010, 990));
    assertThat(players.rating("p-a", mode).await()).isEqualTo(1010);
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "embedded"})
  void concurrentMatchesOfOnePlayerLoseNoUpdate(String database) {
    PlayerStore players = open(database);
    List<Future<RecordedMatch>> all = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      all.add(players.recordEnd(outcome("room-" + i, result("p-shared", 1, 3), result("p-other-" + i, 2, -3))));
    }
    Future.all(all).await();
    assertThat(players.rating("p-shared", mode).await()).isEqualTo(INITIAL + 12 * 3);
    assertThat(players.standing("p-shared", mode).await().matches()).isEqualTo(12);
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "embedded"})
  void aRatingNeverGoesBelowZero(String database) {
    PlayerStore players = open(database);
    RecordedMatch recorded = players.recordEnd(outcome("room-z", result("p-a", 1, 5), result("p-b", 2, -5000))).await();
    assertThat(recorded.standings().get(1).ratingAfter()).isZero();
    assertThat(players.rating("p-b", mode).await()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "embedded"})
  void startAndEndWriteTheirEventsOnceInOrder(String database) {
    PlayerStore players = open(database);
    MatchStart start = new MatchStart("room-e", mode, List.of(
        new MatchStart.Participant("p-a", "ann"), new MatchStart.Participant("p-b", "bob")));
    assertThat(players.recordStart(start).await()).isTrue();
    assertThat(players.recordStart(start).await()).isFalse();
    players.recordEnd(outcome("room-e", result("p-a", 1, 16), result("p-b", 2, -16))).await();
    // A match whose start the store missed (it was down then) gets its start event with its end.
    players.recordEnd(outcome("room-late", result("p-a", 1, 16), result("p-b", 2, -16))).await();

    List<OutboxEvent> events = store.pending(100).await().stream()
        .filter(e -> e.type().startsWith("match.")).toList();
    assertThat(events).extracting(OutboxEvent::type, OutboxEvent::roomId).containsExactly(
        org.assertj.core.groups.Tuple.tuple("match.started", "room-e"),
        org.assertj.core.groups.Tuple.tuple("match.ended", "room-e"),
        org.assertj.core.groups.Tuple.tuple("match.started", "room-late"),
        org.assertj.core.groups.Tuple.tuple("match.ended", "room-late"));
    JsonObject started = new JsonObject(events.get(0).payloadJson());
    assertThat(started.fieldNames()).containsExactly("id", "type", "occurredAt", "roomId", "mode", "players");
    assertThat(started.getJsonArray("players").getJsonObject(1).getString("name")).isEqualTo("bob");
    JsonObject ended = new JsonObject(events.get(1).payloadJson());
    assertThat(ended.getString("mode")).isEqualTo(mode);
    JsonObject loser = ended.getJsonArray("standings").getJsonObject(1);
    assertThat(loser.getString("playerId")).isEqualTo("p-b");
    assertThat(loser.getInteger("rank")).isEqualTo(2);
    assertThat(loser.getInteger("ratingBefore")).isEqualTo(1000);
    assertThat(loser.getInteger("ratingAfter")).isEqualTo(984);
    assertThat(loser.getBoolean("left")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "embedded"})
  void publishedEventsLeaveTheOutbox(String database) {
    PlayerStore players = open(database);
    for (int i = 0; i < 5; i++) {
      players.savePlayer("p-" + i, "player " + i).await();
    }
    List<OutboxEvent> firstTwo = store.pending(2).await();
    assertThat(firstTwo).extracting(e -> new JsonObject(e.payloadJson()).getString("playerId"))
        .containsExactly("p-0", "p-1");
    assertThat(firstTwo.get(0).seq()).isLessThan(firstTwo.get(1).seq());
    store.markPublished(firstTwo.stream().map(OutboxEvent::seq).toList()).await();

    assertThat(store.depth().await()).isEqualTo(3);
    assertThat(store.pending(10).await()).extracting(e -> new JsonObject(e.payloadJson()).getString("playerId"))
        .containsExactly("p-2", "p-3", "p-4");
    store.markPublished(List.of()).await();
    assertThat(store.depth().await()).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "embedded"})
  void theLeaderboardRanksByRatingWithSharedRanks(String database) {
    PlayerStore players = open(database);
    players.recordEnd(outcome("room-1", result("p-a", 1, 30), result("p-b", 2, -30))).await();
    players.recordEnd(outcome("room-2", result("p-c", 1, 30), result("p-d", 2, -10))).await();
    // p-a and p-c share 1030, then p-d 990, then p-b 970.
    LeaderboardPage top = players.leaderboard(mode, 0, 3).await();
    assertThat(top.total()).isEqualTo(4);
    assertThat(top.entries()).extracting(LeaderboardEntry::playerId).containsExactly("p-a", "p-c", "p-d");
    assertThat(top.entries()).extracting(LeaderboardEntry::rank).containsExactly(1, 1, 3);
    assertThat(top.entries().get(0).wins()).isEqualTo(1);

    LeaderboardPage rest = players.leaderboard(mode, 3, 3).await();
    assertThat(rest.entries()).extracting(LeaderboardEntry::playerId, LeaderboardEntry::rank, LeaderboardEntry::rating)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("p-b", 4, 970));
    assertThat(players.standing("p-d", mode).await().rank()).isEqualTo(3);
    assertThat(players.standing("p-c", mode).await().rank()).isEqualTo(1);
    assertThat(players.standing("p-nobody", mode).await()).isNull();
    assertThat(players.leaderboard("no-such-mode", 0, 10).await().entries()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "embedded"})
  void recentMatchesComeLatestFirst(String database) {
    PlayerStore players = open(database);
    for (int i = 1; i <= 4; i++) {
      players.recordEnd(outcome("room-" + i, result("p-a", 1, 1), result("p-b", 2, -1), result("p-c", 3, 0))).await();
    }
    List<PlayedMatch> recent = players.recentMatches("p-b", 3).await();
    assertThat(recent).extracting(PlayedMatch::roomId).containsExactly("room-4", "room-3", "room-2");
    PlayedMatch last = recent.get(0);
    assertThat(last.players()).isEqualTo(3);
    assertThat(last.rank()).isEqualTo(2);
    assertThat(last.ratingBefore()).isEqualTo(997);
    assertThat(last.ratingAfter()).isEqualTo(996);
    assertThat(last.mode()).isEqualTo(mode);
    assertThat(players.recentMatches("p-nobody", 3).await()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "embedded"})
  void everythingIsThereAfterReopening(String database) {
    PlayerStore players = open(database);
    players.savePlayer("p-a", "name-p-a").await();
    players.recordEnd(outcome("room-1", result("p-a", 1, 16), result("p-b", 2, -16))).await();
    store.close().await();

    PlayerStore reopened = open(database);
    assertThat(reopened.rating("p-a", mode).await()).isEqualTo(1016);
    assertThat(reopened.leaderboard(mode, 0, 10).await().entries()).extracting(LeaderboardEntry::name)
        .containsExactly("name-p-a", "name-p-b");
    assertThat(reopened.recordEnd(outcome("room-1", result("p-a", 1, 16), result("p-b", 2, -16))).await()
        .firstRecord()).isFalse();
    assertThat(reopened.savePlayer("p-a", "name-p-a").await()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "embedded"})
  void aGuestGivenAPasswordLoginKeepsItsRatingAndHistory(String database) {
    PlayerStore players = open(database);
    players.recordEnd(outcome("room-g", result("p-guest", 1, 16), result("p-other", 2, -16))).await();

    assertThat(players.addPasswordLogin("p-guest", "Ann", "ann", "hash-1").await()).isEqualTo(AccountLink.LINKED);

    PasswordLogin login = players.passwordLogin("ann").await();
    assertThat(login).isEqualTo(new PasswordLogin("p-guest", "Ann", "hash-1"));
    assertThat(players.rating(login.playerId(), mode).await()).isEqualTo(1016);
    assertThat(players.recentMatches(login.playerId(), 5).await()).extracting(PlayedMatch::roomId)
        .containsExactly("room-g");
    assertThat(players.passwordLogin("nobody").await()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "embedded"})
  void aUsernameBelongsToOnePlayerAndAPlayerHasOneUsername(String database) {
    PlayerStore players = open(database);
    assertThat(players.addPasswordLogin("p-new", "Bo", "bo", "hash-bo").await()).isEqualTo(AccountLink.LINKED);

    assertThat(players.addPasswordLogin("p-thief", "Bo", "bo", "hash-thief").await())
        .isEqualTo(AccountLink.USERNAME_TAKEN);
    assertThat(players.addPasswordLogin("p-new", "Bo", "bo-second", "hash-2").await())
        .isEqualTo(AccountLink.PLAYER_HAS_ONE);
    assertThat(players.passwordLogin("bo").await().passwordHash()).isEqualTo("hash-bo");
    assertThat(players.passwordLogin("bo-second").await()).isNull();
    // The new player was created with its event; the refused ones created nobody.
    assertThat(events("account.created")).extracting(e -> new JsonObject(e.payloadJson()).getString("playerId"))
        .containsExactly("p-new");
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "embedded"})
  void anIdentityIsBoundOnceByIssuerAndSubject(String database) {
    PlayerStore players = open(database);
    IdentityPlayer first = players.bindIdentity("https://id.example", "sub-1", "p-first", "Cy").await();
    IdentityPlayer again = players.bindIdentity("https://id.example", "sub-1", "p-second", "Other").await();
    IdentityPlayer otherIssuer = players.bindIdentity("https://other.example", "sub-1", "p-third", "Dee").await();

    assertThat(first).isEqualTo(new IdentityPlayer("p-first", "Cy", true));
    assertThat(again).isEqualTo(new IdentityPlayer("p-first", "Cy", false));
    assertThat(otherIssuer.playerId()).isEqualTo("p-third");
    assertThat(events("account.created")).extracting(e -> new JsonObject(e.payloadJson()).getString("playerId"))
        .containsExactly("p-first", "p-third");
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "embedded"})
  void anIdentityBoundToAnExistingGuestKeepsItsRating(String database) {
    PlayerStore players = open(database);
    players.recordEnd(outcome("room-i", result("p-guest", 2, -16), result("p-other", 1, 16))).await();

    IdentityPlayer bound = players.bindIdentity("https://id.example", "sub-g", "p-guest", "Guest").await();

    assertThat(bound.created()).isTrue();
    assertThat(players.rating(bound.playerId(), mode).await()).isEqualTo(984);
  }

  private List<OutboxEvent> events(String type) {
    return store.pending(1000).await().stream().filter(e -> e.type().equals(type)).toList();
  }

  private MatchOutcome outcome(String roomId, MatchOutcome.Result... results) {
    return new MatchOutcome(roomId, mode, 1200, List.of(results));
  }

  private static MatchOutcome.Result result(String playerId, int rank, int delta) {
    return new MatchOutcome.Result(playerId, "name-" + playerId, rank, 10 - rank, false, delta);
  }
}
