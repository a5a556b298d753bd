package dev.playfield.sim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The bots are clients of the public protocol: nothing of the server may leak into them. */
class ArchitectureTest {

  private final JavaClasses simulator = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.playfield.sim");

  @Test
  void theSimulatorUsesOnlyTheGeneratedPublicProtocolAndTheGameApiOfPlayfield() {
    noClasses().that().resideInAPackage("dev.playfield.sim..")
        .should().dependOnClassesThat(DescribedPredicate.describe(
            "are Playfield classes other than the simulator, the generated public protocol and the game API",
            type -> type.getPackageName().startsWith("dev.playfield")
                && !type.getPackageName().startsWith("dev.playfield.sim")
                && !type.getPackageName().startsWith("dev.playfield.protocol.v1")
                && !type.getPackageName().startsWith("dev.playfield.arena.proto")
                && !type.getPackageName().equals("dev.playfield.game")
                && !type.getPackageName().equals("dev.playfield.game.bot")))
        .check(simulator);
  }

  @Test
  void onlyTheArenaBotsKnowTheArena() {
    noClasses().that().resideOutsideOfPackage("dev.playfield.sim.arena")
        .should().dependOnClassesThat().resideInAPackage("dev.playfield.arena.proto..")
        .because("the bots play any game through the game API; arena is one plug-in among others")
        .check(simulator);
  }

  @Test
  void theInternalClusterMessagesAreNotEvenOnTheClasspath() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Class.forName("dev.playfield.protocol.internal.GatewayFrame"))
        .isInstanceOf(ClassNotFoundException.class);
  }
}
