package dev.playfield.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.support.ClassArchive;
import dev.playfield.support.ServerProcess;
import dev.playfield.support.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/class-archive.sh (which the container image runs at build time) writes an archive that a
 * node started from the jar maps: with -Xshare:on the JVM refuses to start on an archive it cannot
 * use, and the class-loading log names the archive as the source of Playfield's own classes.
 */
class ClassArchiveIT {

  @Test
  void aNodeStartsFromTheArchiveTheTrainingRunWrote(@TempDir Path logs) throws Exception {
    Path jar = Path.of(System.getProperty("playfield.jar", "target/playfield.jar"));
    Path archive = ClassArchive.of(jar).orElseThrow(() -> new AssertionError("no archive was made; see the output above"));
    assertThat(Files.size(archive)).as("archive size").isGreaterThan(10L << 20);

    Path classLog = logs.resolve("classes.log");
    int port = TestCluster.freePort();
    try (ServerProcess node = ServerProcess.start("archived", Map.of("PLAYFIELD_HTTP_PORT", String.valueOf(port)),
        List.of("-Xshare:on", "-Xlog:class+load=info:file=" + classLog))) {
      node.awaitLog("ready: http port", Duration.ofSeconds(30));
      assertThat(Files.readAllLines(classLog))
          .anyMatch(line -> line.contains("dev.playfield.PlayfieldNode source: shared objects file (top)"))
          .anyMatch(line -> line.contains("org.flywaydb.core.Flyway source: shared objects file (top)"));
    }
  }
}
