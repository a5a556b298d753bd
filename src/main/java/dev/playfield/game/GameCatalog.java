package dev.playfield.game;

import com.google.protobuf.Descriptors.Descriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The game types a node can host, by name. Immutable; safe to share between threads. */
public final class GameCatalog {

  private final Map<String, GameType> types = new LinkedHashMap<>();

  public GameCatalog(List<GameType> types) {
    for (GameType type : types) {
      if (this.types.putIfAbsent(type.name(), type) != null) {
        throw new IllegalArgumentException("two game types are named " + type.name());
      }
    }
  }

  public Optional<GameType> find(String name) {
    return Optional.ofNullable(types.get(name));
  }

  /** Every game message type, for the JSON encoding of {@code google.protobuf.Any}. */
  public List<Descriptor> messageTypes() {
    List<Descriptor> all = new ArrayList<>();
    types.values().forEach(type -> type.messageTypes().forEach(all::add));
    return all;
  }
}
