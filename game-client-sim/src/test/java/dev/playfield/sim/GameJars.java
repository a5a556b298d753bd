package dev.playfield.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Real game jars for tests, made the way a game project makes its own: the test plug-in's sources
 * (test resources {@code echo-game/}, never on the test class path as classes) compiled against
 * the game API, with whatever {@code META-INF/services} files a test wants.
 */
final class GameJars {

  static final String BOTS_SERVICE = "META-INF/services/dev.playfield.game.bot.GameBots";
  static final String GAME_SERVICE = "META-INF/services/dev.playfield.game.GameType";

  private GameJars() {}

  /** The echo plug-in's classes compiled into {@code work}/classes, once per folder. */
  static Path echoClasses(Path work) throws IOException, URISyntaxException {
    Path classes = work.resolve("classes");
    if (Files.isDirectory(classes)) {
      return classes;
    }
    Path sources = Path.of(GameJars.class.getResource("/echo-game/EchoBots.java").toURI()).getParent();
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
        "--release", "17"));
    try (Stream<Path> files = Files.list(sources)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    int status = javac.run(null, messages, messages, args.toArray(String[]::new));
    assertThat(status).as(messages.toString(StandardCharsets.UTF_8)).isZero();
    return classes;
  }

  /**
   * Writes {@code jarName} (a path under {@code work}) with the echo plug-in's classes and {@code
   * textEntries} (path to content, such as a services file).
   */
  static Path echoJar(Path work, String jarName, Map<String, String> textEntries) throws Exception {
    Path classes = echoClasses(work);
    Path jar = work.resolve(jarName);
    Files.createDirectories(jar.getParent());
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
        Stream<Path> walk = Files.walk(classes)) {
      for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(f));
        out.closeEntry();
      }
      for (Map.Entry<String, String> entry : textEntries.entrySet()) {
        out.putNextEntry(new JarEntry(entry.getKey()));
        out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }

  /** A jar as a game project builds it: bots and game, both named in their services files. */
  static Path echoGameJar(Path work, String jarName) throws Exception {
    return echoJar(work, jarName, Map.of(BOTS_SERVICE, "echo.EchoBots\n", GAME_SERVICE, "echo.EchoGame\n"));
  }

  /** Writes text that only looks like a jar by its name. */
  static Path notAJar(Path dir, String name) throws IOException {
    Path file = dir.resolve(name);
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
      out.println("not a zip file");
    }
    return file;
  }
}
