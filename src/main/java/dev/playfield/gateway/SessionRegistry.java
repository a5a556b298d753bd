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

  private final Map<String, SessionHandle> byPlayer = new ConcurrentHashMap<>();
  private final Set<SessionHandle> open = ConcurrentHashMap.newKeySet();

  void opened(SessionHandle session) {
    open.add(session);
  }

  void closed(SessionHandle session) {
    open.remove(session);
  }

  /** Every open session, logged in or not. */
  Collection<SessionHandle> sessions() {
    return List.copyOf(open);
  }

  /** Binds the player to {@code session}; returns the session it replaces, or null. */
  SessionHandle bind(String playerId, SessionHandle session) {
    SessionHandle previous = byPlayer.put(playerId, session);
    return previous == session ? null : previous;
  }

  /** Forgets the player if it is still bound to {@code session}; true if it was. */
  boolean unbind(String playerId, SessionHandle session) {
    return byPlayer.remove(playerId, session);
  }

  SessionHandle find(String playerId) {
    return byPlayer.get(playerId);
  }

  int size() {
    return byPlayer.size();
  }
}
