package com.example.highlow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The game's classes read no clock, draw no outside randomness, start no threads and know no server. */
@AnalyzeClasses(packages = "com.example.highlow", importOptions = DoNotIncludeTests.class)
class PurityTest {

  @ArchTest
  static final ArchRule noClockNoRandomNoThreadsNoServer = noClasses()
      .should().callMethod(System.class, "currentTimeMillis")
      .orShould().callMethod(System.class, "nanoTime")
      .orShould().dependOnClassesThat().resideInAnyPackage("java.time..", "io.vertx..")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
      .because("the node replays a match from its seed and inputs when it moves it to another node");
}
