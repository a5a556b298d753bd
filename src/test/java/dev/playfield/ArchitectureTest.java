package dev.playfield;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The boundaries DESIGN.md draws, checked on the compiled classes. Packages that do not exist yet
 * pass, so each rule can be written before the code it guards.
 */
@AnalyzeClasses(packages = "dev.playfield", importOptions = DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String GAME = "dev.playfield.game..";
  private static final String ARENA = "dev.playfield.arena..";

  @ArchTest
  static final ArchRule gameLogicNeverSeesVertx = noClasses()
      .that().resideInAnyPackage(GAME, ARENA)
      .should().dependOnClassesThat().resideInAPackage("io.vertx..")
      .because("game logic is pure: the room host owns the timer, the queue and the sockets");

  @ArchTest
  static final ArchRule theGameApiKnowsNoParticularGame = noClasses()
      .that().resideInAPackage(GAME)
      .should().dependOnClassesThat().resideInAPackage(ARENA)
      .because("arena is one game written against the API, not part of it");

  @ArchTest
  static final ArchRule gameLogicReadsNoClockAndNoOutsideRandomness = noClasses()
      .that().resideInAnyPackage(GAME, ARENA)
      .should().callMethod(System.class, "currentTimeMillis")
      .orShould().callMethod(System.class, "nanoTime")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Instant")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
      .orShould().callMethod(Math.class, "random")
      .because("a match must be a function of its seed and inputs, or failover replays a different game");

  @ArchTest
  static final ArchRule gameLogicUsesNothingElseOfTheServer = noClasses()
      .that().resideInAnyPackage(GAME, ARENA)
      .should().dependOnClassesThat().resideInAnyPackage(
          "dev.playfield.gateway..", "dev.playfield.matchmaking..", "dev.playfield.room..",
          "dev.playfield.cluster..", "dev.playfield.protocol..", "dev.playfield.ops..",
          "dev.playfield.config..")
      .because("a game developer writes a game against the game API alone");

  @ArchTest
  static final ArchRule theServerHostsAnyGameThroughTheApi = noClasses()
      .that().resideOutsideOfPackage(ARENA)
      .should().dependOnClassesThat().resideInAPackage(ARENA)
      .because("arena is a plug-in like any other: the node finds it through ServiceLoader, never by name");

  @ArchTest
  static final ArchRule theGameApiJarNeedsOnlyJavaAndProtobuf = classes()
      .that().resideInAPackage(GAME)
      .should().onlyDependOnClassesThat().resideInAnyPackage(GAME, "java..", "com.google.protobuf..")
      .because("the API artifact (playfield-game-api) holds these classes alone, with protobuf-java as its one dependency");

  @ArchTest
  static final ArchRule roomsNeverTouchSockets = noClasses()
      .that().resideInAPackage("dev.playfield.room..")
      .should().dependOnClassesThat().resideInAPackage("dev.playfield.gateway..")
      .because("a room publishes state on the event bus; sessions belong to the gateway")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule roomsAndConfigurationKnowNoMatchmaker = noClasses()
      .that().resideInAnyPackage("dev.playfield.room..", "dev.playfield.config..")
      .should().dependOnClassesThat().resideInAPackage("dev.playfield.matchmaking..")
      .because("a room is placed by the matchmaker but never calls it; the configuration holds plain"
          + " settings and the matchmaker builds its rules from them");

  @ArchTest
  static final ArchRule storesStayBehindTheirInterfaces = noClasses()
      .that().resideOutsideOfPackages("dev.playfield.cluster..")
      .and().doNotHaveFullyQualifiedName(Playfield.class.getName())
      .and().doNotHaveFullyQualifiedName(PlayfieldNode.class.getName())
      .should().dependOnClassesThat().resideInAnyPackage("dev.playfield.cluster.local..",
          "dev.playfield.cluster.hazelcast..")
      .because("only the launcher and the node choose an implementation; everything else uses the"
          + " interfaces in dev.playfield.cluster");

  /**
   * No cycles between the capability packages (a subpackage counts with its capability, so
   * {@code cluster.hazelcast} is part of {@code cluster}). This covers every package under
   * {@code dev.playfield}; the launcher classes in {@code dev.playfield} itself are in no slice,
   * as they wire everything together by design. Cycles between classes inside one package are
   * checked for the gateway below.
   */
  @ArchTest
  static final ArchRule capabilitiesDependOnEachOtherWithoutCycles = slices()
      .matching("dev.playfield.(*)..")
      .should().beFreeOfCycles();

  /**
   * No cycle between the gateway's classes (a nested class counts with its top-level class): the
   * connection is transport behind {@code Connection}, the session is the state machine behind
   * {@code ConnectionListener} and {@code SessionHandle}, and the parts it drives know neither.
   */
  @ArchTest
  static final ArchRule gatewayClassesDependOnEachOtherWithoutCycles = slices()
      .assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
          if (!javaClass.getPackageName().equals("dev.playfield.gateway")) {
            return SliceIdentifier.ignore();
          }
          String name = javaClass.getName();
          int nested = name.indexOf('$');
          return SliceIdentifier.of(nested < 0 ? name : name.substring(0, nested));
        }

        @Override
        public String getDescription() {
          return "top-level classes of dev.playfield.gateway";
        }
      })
      .should().beFreeOfCycles();
}
