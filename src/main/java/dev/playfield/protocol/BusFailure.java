package dev.playfield.protocol;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.Locale;

/**
 * Why an event-bus request failed, by name, for logs and the {@code playfield_remote_failures}
 * metric: nobody listens at the address (a singleton moving, a room disposed or being taken over),
 * nobody answered in time (a node dying or stalled), the receiver refused on purpose (an error
 * code in the reply), or anything else.
 */
public enum BusFailure {
  NO_HANDLER, TIMEOUT, REFUSED, FAILED;

  public static BusFailure of(Throwable cause) {
    if (cause instanceof ReplyException reply) {
      return switch (reply.failureType()) {
        case NO_HANDLERS -> NO_HANDLER;
        case TIMEOUT -> TIMEOUT;
        case RECIPIENT_FAILURE -> REFUSED;
        case ERROR -> FAILED;
      };
    }
    return FAILED;
  }

  /** True for the failures that a retry a moment later may get past (nobody there yet, or no answer). */
  public boolean retryable() {
    return this == NO_HANDLER || this == TIMEOUT;
  }

  /** The label in metrics and logs: {@code no_handler}, {@code timeout}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
