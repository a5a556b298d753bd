package dev.playfield.gateway;

import dev.playfield.protocol.internal.SessionQuery;
import dev.playfield.protocol.internal.SessionReport;
import io.vertx.core.eventbus.Message;

/**
 * Answers the admin API's questions about a player whose session this node holds. The session's
 * state is read on the session's own event loop, like every other touch of it.
 */
final class SessionInspector {

  private final SessionRegistry registry;
  private final String nodeId;

  SessionInspector(SessionRegistry registry, String nodeId) {
    this.registry = registry;
    this.nodeId = nodeId;
  }

  void onQuery(Message<SessionQuery> query) {
    String playerId = query.body().getPlayerId();
    SessionHandle session = registry.find(playerId);
    if (session == null) {
      query.reply(SessionReport.newBuilder().setFound(false).setPlayerId(playerId).setNodeId(nodeId).build());
      return;
    }
    session.execute(() -> query.reply(session.report().toBuilder().setNodeId(nodeId).build()));
  }
}
