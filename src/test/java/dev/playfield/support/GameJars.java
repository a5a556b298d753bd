package dev.playfield.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real game plug-in jars for tests: Java source compiled now, against the test's class path,
 * into classes that only the jar holds, so the node's plug-in class loader really loads them.
 */
public final class GameJars {

  private GameJars() {}

  /**
   * A jar with a turn-less test game named {@code game} (class {@code pkg.TestGame}): one mode of the
   * same name for 2 players, per-player views that carry the slot's secret ({@code StringValue}
   * "secret-of-<slot>|<inputs applied>"), states only on change, finished once a player sends the
   * input "end", and a page ({@code web/index.html}) of its own.
   */
  public static Path testGame(Path dir, String jarName, String game, String pkg) throws IOException {
    return jar(dir, jarName, pkg + ".TestGame", Map.of(pkg + "/TestGame.java", testGameSource(game, pkg)),
        Map.of("web/index.html", "<!doctype html><title>" + game + " page</title>"));
  }

  /** A jar whose game's constructor throws. */
  public static Path brokenGame(Path dir, String jarName, String pkg) throws IOException {
    String source = testGameSource("broken", pkg).replace("public TestGame() {}",
        "public TestGame() { throw new IllegalStateException(\"cannot start\"); }");
    return jar(dir, jarName, pkg + ".TestGame", Map.of(pkg + "/TestGame.java", source), Map.of());
  }

  /** Rewrites {@code jar} without the entry {@code name}. */
  public static void withoutEntry(Path jar, String name) throws IOException {
    Path copy = jar.resolveSibling(jar.getFileName() + ".tmp");
    try (java.util.jar.JarFile in = new java.util.jar.JarFile(jar.toFile());
        JarOutputStream out = new JarOutputStream(Files.newOutputStream(copy))) {
      for (JarEntry entry : java.util.Collections.list(in.entries())) {
        if (!entry.getName().equals(name)) {
          put(out, entry.getName(), in.getInputStream(entry).readAllBytes());
        }
      }
    }
    Files.move(copy, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** Compiles {@code sources} (path -> text) and writes them, the service file and {@code resources} into a jar. */
  public static Path jar(Path dir, String jarName, String gameClass, Map<String, String> sources,
      Map<String, String> resources) throws IOException {
    Path src = Files.createTempDirectory("game-src");
    Path classes = Files.createTempDirectory("game-classes");
    List<String> args = new java.util.ArrayList<>(List.of("-d", classes.toString(),
        "-cp", System.getProperty("java.class.path"), "--release", "17"));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      args.add(file.toString());
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    assertThat(compiler.run(null, null, null, args.toArray(String[]::new))).as("test game compiles").isZero();
    Files.createDirectories(dir);
    Path jar = dir.resolve(jarName);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        put(out, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
      put(out, "META-INF/services/dev.playfield.game.GameType", (gameClass + "\n").getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, String> resource : resources.entrySet()) {
        put(out, resource.getKey(), resource.getValue().getBytes(StandardCharsets.UTF_8));
      }
    }
    return jar;
  }

  private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
    out.putNextEntry(new JarEntry(name));
    ((OutputStream) out).write(bytes);
    out.closeEntry();
  }

  private static String testGameSource(String game, String pkg) {
    return """
        package PKG;

        import com.google.protobuf.Descriptors.Descriptor;
        import com.google.protobuf.Message;
        import com.google.protobuf.StringValue;
        import dev.playfield.game.*;
        import java.util.*;

        public final class TestGame implements GameType {
          public TestGame() {}
          public String name() { return "GAME"; }
          public List<GameMode> modes() { return List.of(new GameMode("GAME", 2, 2, 20, Map.of())); }
          public StateStream stateStream() { return StateStream.ON_CHANGE; }
          public Optional<String> pageResources() { return Optional.of("web"); }
          public Class<? extends Message> inputType() { return StringValue.class; }
          public Iterable<Descriptor> messageTypes() { return List.of(StringValue.getDescriptor()); }
          public Optional<String> rejectReason(Message input) { return Optional.empty(); }
          public Game create(GameSetup setup) { return new Match(setup.players()); }
          public Game restore(GameSetup setup, byte[] snapshot) { return new Match(setup.players()); }

          static final class Match implements Game {
            private final int players;
            private int applied;
            private boolean over;
            Match(int players) { this.players = players; }
            public void tick(List<PlayerInput> inputs) {
              for (PlayerInput input : inputs) {
                applied++;
                over |= ((StringValue) input.input()).getValue().equals("end");
              }
            }
            public void leave(int slot) {}
            public Message view(int slot) { return StringValue.of("secret-of-" + slot + "|" + applied); }
            public boolean sharedView() { return false; }
            public boolean finished() { return over; }
            public List<Standing> standings() {
              List<Standing> all = new ArrayList<>();
              for (int slot = 0; slot < players; slot++) { all.add(new Standing(slot, 1, 0)); }
              return all;
            }
            public byte[] snapshot() { return new byte[0]; }
          }
        }
        """.replace("PKG", pkg).replace("GAME", game);
  }
}
