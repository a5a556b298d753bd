package dev.playfield;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The guide (docs/writing-a-game.md) shows every file of its game in full; examples/high-low is
 * that game, built in CI. A guide whose code differs from a project that builds would teach a
 * newcomer code that does not compile.
 */
class WritingAGameGuideTest {

  private static final Path GUIDE = Path.of("docs/writing-a-game.md");
  private static final Path PROJECT = Path.of("examples/high-low");
  private static final Pattern FILE_BLOCK = Pattern.compile("`([^`\\n]+)`:\\n\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyFileTheGuideShowsIsTheExampleProjectsFileWordForWord() throws IOException {
    Matcher blocks = FILE_BLOCK.matcher(Files.readString(GUIDE));
    List<String> shown = new ArrayList<>();
    while (blocks.find()) {
      Path file = PROJECT.resolve(blocks.group(1));
      assertThat(file).as("the guide shows %s", blocks.group(1)).exists();
      assertThat(blocks.group(2)).as("the guide's copy of %s", blocks.group(1)).isEqualTo(Files.readString(file));
      shown.add(blocks.group(1));
    }
    try (var files = Files.walk(PROJECT)) {
      List<String> all = files.filter(Files::isRegularFile)
          .map(f -> PROJECT.relativize(f).toString().replace('\\', '/'))
          .filter(f -> !f.startsWith("target/") && !f.equals("README.md") && !f.startsWith("."))
          .toList();
      assertThat(shown).as("the guide shows every file of the project").containsExactlyInAnyOrderElementsOf(all);
    }
  }
}
