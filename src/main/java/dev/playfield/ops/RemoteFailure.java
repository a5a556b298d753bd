package dev.playfield.ops;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;

/** Names why a node did not answer an admin request, for the JSON the admin API returns. */
final class RemoteFailure {

  static final String TIMEOUT = "timeout";
  static final String NO_HANDLER = "no_handler";
  static final String FAILED = "failed";

  private RemoteFailure() {}

  static JsonObject describe(String nodeId, Throwable cause) {
    String name = FAILED;
    if (cause instanceof ReplyException reply) {
      name = switch (reply.failureType()) {
        case TIMEOUT -> TIMEOUT;
        case NO_HANDLERS -> NO_HANDLER;
        default -> FAILED;
      };
    }
    return new JsonObject().put("nodeId", nodeId).put("error", name).put("message", String.valueOf(cause.getMessage()));
  }
}
