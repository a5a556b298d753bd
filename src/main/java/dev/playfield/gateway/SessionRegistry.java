package dev.playfield.gateway;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions of this node by player id: at most one per player. Shared by the gateway's event
 * loops, hence concurrent; a session itself is only touched on its own event loop.
 */
final class SessionRegistry {

  private final Map<String, Session> byPlayer = new ConcurrentHashMap<>();
  private final Set<Session> connections = ConcurrentHashMap.newKeySet();

  void opened(Session session) {
    connections.add(session);
  }

  void closed(Session session) {
    connections.remove(session);
  }

  /** Every open connection, logged in or not. */
  Collection<Session> connections() {
    return List.copyOf(connections);
  }

  /** Binds the player to {@code session}; returns the session it replaces, or null. */
  Session bind(String playerId, Session session) {
    Session previous = byPlayer.put(playerId, session);
    return previous == session ? null : previous;
  }

  /** Forgets the player if it is still bound to {@code session}; true if it was. */
  boolean unbind(String playerId, Session session) {
    return byPlayer.remove(playerId, session);
  }

  Session find(String playerId) {
    return byPlayer.get(playerId);
  }

  int size() {
    return byPlayer.size();
  }
}
