package dev.playfield.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Appender;
import dev.playfield.config.PlayfieldConfig.AdminConfig;
import dev.playfield.config.PlayfieldConfig.LogConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the configured log level and format once the configuration is read (logback starts
 * earlier, from logback.xml, at PLAYFIELD_LOG_LEVEL or INFO, so the first lines of a start honour
 * the variable but not a level set in a file). Context travels on each event, never in a
 * thread-local: an event loop interleaves many rooms and sessions, so an MDC set around one
 * handler would leak into the next unless cleared on every path, async callbacks included.
 * Rooms and players are key-value pairs of the event (SLF4J's {@code addKeyValue}, or the id in the
 * message); the node id, one per process, is a logger-context property.
 */
public final class LogSetup {

  static final String NODE_PROPERTY = "node";
  private static final String APPENDER = "STDOUT";

  private LogSetup() {}

  public static void apply(LogConfig config) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another SLF4J backend: its own configuration rules
    }
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(config.level()));
    if (config.format().equals("json")) {
      Appender<ILoggingEvent> appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(APPENDER);
      if (appender instanceof ConsoleAppender<ILoggingEvent> console) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.start();
        console.stop();
        console.setEncoder(encoder);
        console.start();
      }
    }
  }

  /**
   * Puts this node's id on every later log line. A process runs one node; tests that start several
   * in one JVM see the latest id.
   */
  public static void nodeStarted(String nodeId, AdminConfig admin) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.putProperty(NODE_PROPERTY, nodeId);
    }
    if (!admin.enabled()) {
      LoggerFactory.getLogger(LogSetup.class).info(
          "admin API disabled: set admin.token (PLAYFIELD_ADMIN_TOKEN) to use /admin/ and /admin/api/");
    }
  }
}
