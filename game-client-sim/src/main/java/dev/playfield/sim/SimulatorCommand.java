package dev.playfield.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line: {@code java -jar game-client-sim.jar --url ws://host:8080/ws --bots 64 --duration 75s}. */
@Command(name = "game-client-sim", mixinStandardHelpOptions = true, version = "game-client-sim 0.1.0",
    sortOptions = false,
    description = {
        "Runs bots that play Playfield over its public protocol and reports latency and traffic.",
        "Bots log in, queue, play the match, queue again until the duration ends, then leave.",
        "They play arena, or any game whose jar in --games-dir brings its bots.",
        "A request refused with UNAVAILABLE is retried (5 tries); a dropped connection is resumed.",
        "Exit status: 0 when clean; 1 when a protocol error or an unexpected disconnect happened",
        "(unless --allow-errors); 2 for bad arguments or a game jar that does not load."})
public final class SimulatorCommand implements Callable<Integer> {

  @Option(names = "--url", defaultValue = "ws://127.0.0.1:8080/ws",
      description = "WebSocket URL of a node; repeat it to spread bots over nodes (default: ${DEFAULT-VALUE}).")
  List<String> urls;

  @Option(names = "--bots", defaultValue = "64", description = "Bots to run at once (default: ${DEFAULT-VALUE}).")
  int bots;

  @Option(names = "--ramp", defaultValue = "100", description = "Bots started per second (default: ${DEFAULT-VALUE}).")
  double ramp;

  @Option(names = "--duration", defaultValue = "75s", converter = DurationParser.class,
      description = "How long to run, such as 75s or 5m (default: ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(names = "--warmup", defaultValue = "0s", converter = DurationParser.class,
      description = "Leave the first part of the run out of latencies and traffic (default: ${DEFAULT-VALUE}).")
  Duration warmup;

  @Option(names = "--encoding", defaultValue = "binary",
      description = "binary or json (default: ${DEFAULT-VALUE}).")
  String encoding;

  @Option(names = "--games-dir",
      description = "Folder of game jars whose bots to load besides arena's (each names its GameBots in META-INF/services).")
  Path gamesDir;

  @Option(names = "--game", defaultValue = "arena", description = "The game whose bots play (default: ${DEFAULT-VALUE}).")
  String game;

  @Option(names = "--mode", description = "Game mode to queue for (default: the game's name).")
  String mode;

  @Option(names = "--behavior",
      description = "One of the game's bot behaviours (default: its first); arena: random-walk, or chase "
          + "(heads for the nearest collectable).")
  String behavior;

  @Option(names = "--input-rate", defaultValue = "20",
      description = "Inputs per second per bot in a running match (default: ${DEFAULT-VALUE}).")
  double inputRate;

  @Option(names = "--ping-interval", defaultValue = "1s", converter = DurationParser.class,
      description = "How often each bot pings for the round-trip time (default: ${DEFAULT-VALUE}).")
  Duration pingInterval;

  @Option(names = "--churn", defaultValue = "0",
      description = "Connection drops per minute over all bots: a random bot closes its connection and resumes its session "
          + "(and its seat) with its resume token 200 ms later (default: ${DEFAULT-VALUE}).")
  double churn;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the bots' choices (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--event-loops", defaultValue = "1",
      description = "Event loops of the simulator; one drives thousands of bots (default: ${DEFAULT-VALUE}).")
  int eventLoops;

  @Option(names = "--transport", defaultValue = "auto",
      description = "auto (io_uring, else epoll, else nio), io_uring, epoll or nio (default: ${DEFAULT-VALUE}).")
  String transport;

  @Option(names = "--report", description = "Write the JSON report here, and an HTML report beside it (.html).")
  Path report;

  @Option(names = "--allow-errors", description = "Exit 0 even when errors or unexpected disconnects happened.")
  boolean allowErrors;

  @Option(names = "--quiet", description = "No live progress line on stderr.")
  boolean quiet;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SimulatorCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PlayableGame playable;
    SimSettings settings;
    try {
      playable = game();
      settings = settings(playable);
    } catch (IllegalArgumentException e) {
      System.err.println("game-client-sim: " + e.getMessage());
      return 2;
    }
    RunReport result = new Simulation(settings, playable, quiet ? null : System.err).run();
    System.out.print(result.summary());
    if (report != null) {
      write(report, result.json().encodePrettily() + "\n");
      write(htmlBeside(report), HtmlReport.render(result.json()));
      System.out.println("  report             " + report + " and " + htmlBeside(report));
    }
    if (result.failed() && !allowErrors) {
      System.out.println("  exit status 1: errors or unexpected disconnects (see above; --allow-errors to ignore)");
      return 1;
    }
    return 0;
  }

  /** The game of {@code --game}, among arena and the games of {@code --games-dir}. */
  PlayableGame game() {
    return PlayableGames.load(Optional.ofNullable(gamesDir)).game(game);
  }

  SimSettings settings(PlayableGame playable) {
    Encoding wire = parse(Encoding.class, encoding, "--encoding");
    if (wire == Encoding.JSON && playable.messageTypes().isEmpty()) {
      throw new IllegalArgumentException("--encoding json: the message types of game '" + playable.name()
          + "' are unknown (" + playable.source() + " has no GameType of that name); use binary");
    }
    return new SimSettings(urls, bots, ramp, duration, warmup, wire, mode == null ? playable.name() : mode,
        playable.behaviour(behavior), inputRate, pingInterval, churn, seed, eventLoops, transport, quiet);
  }

  static Path htmlBeside(Path json) {
    String name = json.getFileName().toString();
    String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    return json.resolveSibling(base + ".html");
  }

  private static void write(Path path, String text) throws IOException {
    if (path.getParent() != null) {
      Files.createDirectories(path.getParent());
    }
    Files.writeString(path, text, StandardCharsets.UTF_8);
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String text, String option) {
    try {
      return Enum.valueOf(type, text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": unknown value '" + text + "'");
    }
  }
}
