package dev.playfield.examples.liarsdice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * A game is plain logic the host drives: no Vert.x, no clock, no randomness but its seed. The bots
 * play through the public messages only, as a client would.
 */
@AnalyzeClasses(packages = "dev.playfield.examples.liarsdice", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noVertx = noClasses()
      .should().dependOnClassesThat().resideInAPackage("io.vertx..")
      .because("the game and its bots run inside a node's room and a simulator; neither may bring its own Vert.x");

  @ArchTest
  static final ArchRule noClockNorUnseededRandomness = noClasses()
      .that().resideInAPackage("dev.playfield.examples.liarsdice")
      .should().callMethod(System.class, "currentTimeMillis")
      .orShould().callMethod(System.class, "nanoTime")
      .orShould().callMethod(Math.class, "random")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
      .orShould().dependOnClassesThat().resideInAPackage("java.time..")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
      .because("a match must go the same way for the same seed and inputs, on any node");

  @ArchTest
  static final ArchRule botsSeeOnlyTheMessages = noClasses()
      .that().resideInAPackage("..liarsdice.bot..")
      .should().dependOnClassesThat().resideInAPackage("dev.playfield.examples.liarsdice")
      .because("a bot knows what a client knows: its states, not the game's tables");

  @ArchTest
  static final ArchRule theGameDoesNotNeedItsBots = noClasses()
      .that().resideInAPackage("dev.playfield.examples.liarsdice")
      .should().dependOnClassesThat().resideInAPackage("..liarsdice.bot..");
}
