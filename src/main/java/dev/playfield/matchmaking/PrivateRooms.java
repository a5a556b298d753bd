package dev.playfield.matchmaking;

import dev.playfield.protocol.internal.Seat;
import dev.playfield.protocol.internal.StoredPrivateRoom;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.PlayerInfo;
import dev.playfield.protocol.v1.PrivateRoom;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The private rooms the active matchmaker holds until they start: by code, and each player's one
 * room. The first member is the creator; when the creator leaves, the next to have joined is. The
 * desk keeps a copy of each in the cluster ({@link Room#stored()}); not thread-safe: the
 * matchmaker's event loop owns it.
 */
final class PrivateRooms {

  /** No 0/O, 1/I/L: a code read out to a friend is typed right. 30^6 is about 7.3e8 codes. */
  static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ2345679";
  static final int CODE_LENGTH = 6;

  /** A request the rules refuse, with the code the client is told. */
  static final class Refused extends RuntimeException {
    final ErrorCode code;

    Refused(ErrorCode code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }

  /** One room: its members by player id, in the order they joined. */
  static final class Room {
    final String code;
    final String mode;
    final int capacity;
    final int minPlayers;
    final Map<String, Seat> members = new LinkedHashMap<>();
    boolean started;

    Room(String code, String mode, int capacity, int minPlayers) {
      this.code = code;
      this.mode = mode;
      this.capacity = capacity;
      this.minPlayers = minPlayers;
    }

    String creator() {
      return members.keySet().iterator().next();
    }

    List<Seat> seats() {
      return List.copyOf(members.values());
    }

    StoredPrivateRoom stored() {
      return StoredPrivateRoom.newBuilder().setCode(code).setMode(mode).setCapacity(capacity)
          .setMinPlayers(minPlayers).addAllMembers(members.values()).build();
    }

    PrivateRoom view() {
      PrivateRoom.Builder view = PrivateRoom.newBuilder().setCode(code).setMode(mode)
          .setCapacity(capacity).setMinPlayers(minPlayers).setStarted(started);
      if (!members.isEmpty()) {
        view.setCreatorPlayerId(creator());
      }
      members.values().forEach(seat -> view.addMembers(
          PlayerInfo.newBuilder().setPlayerId(seat.getPlayerId()).setName(seat.getName())));
      return view.build();
    }
  }

  private final RandomGenerator random;
  private final Map<String, Room> byCode = new HashMap<>();
  private final Map<String, Room> byPlayer = new HashMap<>();

  PrivateRooms() {
    this(new SecureRandom());
  }

  PrivateRooms(RandomGenerator random) {
    this.random = random;
  }

  /** Takes over a room an earlier matchmaker kept (not started: a start it did not finish is undone). */
  void restore(StoredPrivateRoom stored) {
    Room room = new Room(stored.getCode(), stored.getMode(), stored.getCapacity(), stored.getMinPlayers());
    stored.getMembersList().stream().filter(seat -> !byPlayer.containsKey(seat.getPlayerId())).forEach(seat -> add(room, seat));
    if (!room.members.isEmpty()) {
      byCode.put(room.code, room);
    }
  }

  /** A new room for {@code mode} with {@code creator} in it. */
  Room create(String mode, int capacity, int minPlayers, Seat creator) {
    refuseIfInARoom(creator.getPlayerId());
    String code;
    do {
      code = newCode();
    } while (byCode.containsKey(code));
    Room room = new Room(code, mode, capacity, minPlayers);
    byCode.put(code, room);
    add(room, creator);
    return room;
  }

  /** Puts the player in the room of {@code code}; joining the room one is in already changes nothing. */
  Room join(String code, Seat seat) {
    Room room = byCode.get(normalized(code));
    if (room == null) {
      throw new Refused(ErrorCode.ROOM_NOT_FOUND, "no private room has the code '" + code + "'");
    }
    if (room.members.containsKey(seat.getPlayerId())) {
      return room;
    }
    refuseIfInARoom(seat.getPlayerId());
    if (room.started) {
      throw new Refused(ErrorCode.ROOM_STARTED, "private room " + room.code + " has started");
    }
    if (room.members.size() >= room.capacity) {
      throw new Refused(ErrorCode.ROOM_FULL, "private room " + room.code + " is full (" + room.capacity + " players)");
    }
    add(room, seat);
    return room;
  }

  /** Takes the player out of their room; the room as it is now (closed when empty), or null if they were in none. */
  Room leave(String playerId) {
    Room room = byPlayer.remove(playerId);
    if (room == null) {
      return null;
    }
    room.members.remove(playerId);
    if (room.members.isEmpty()) {
      byCode.remove(room.code);
    }
    return room;
  }

  /** Marks the player's room started, if they may start it: its members are to be seated. */
  Room start(String playerId) {
    Room room = byPlayer.get(playerId);
    if (room == null) {
      throw new Refused(ErrorCode.INVALID_STATE, "not in a private room");
    }
    if (!room.creator().equals(playerId)) {
      throw new Refused(ErrorCode.NOT_ROOM_CREATOR, "only the room's creator can start it");
    }
    if (room.members.size() < room.minPlayers) {
      throw new Refused(ErrorCode.NOT_ENOUGH_PLAYERS, "private room " + room.code + " needs " + room.minPlayers
          + " players to start; it has " + room.members.size());
    }
    room.started = true;
    return room;
  }

  /** The room's match could not be placed: it waits again, members kept, to be started again. */
  void unstart(Room room) {
    room.started = false;
  }

  /** The room's match is placed: the room and its members' places in it are forgotten. */
  void placed(Room room) {
    byCode.remove(room.code);
    room.members.keySet().forEach(byPlayer::remove);
  }

  /** Forgets every room (the matchmaker stops; the cluster keeps them for the next one). */
  void clear() {
    byCode.clear();
    byPlayer.clear();
  }

  static String normalized(String code) {
    return code.strip().toUpperCase(Locale.ROOT);
  }

  private void add(Room room, Seat seat) {
    room.members.put(seat.getPlayerId(), seat);
    byPlayer.put(seat.getPlayerId(), room);
  }

  private void refuseIfInARoom(String playerId) {
    Room current = byPlayer.get(playerId);
    if (current != null) {
      throw new Refused(ErrorCode.INVALID_STATE, "already in private room " + current.code + "; leave it first");
    }
  }

  private String newCode() {
    StringBuilder code = new StringBuilder(CODE_LENGTH);
    for (int i = 0; i < CODE_LENGTH; i++) {
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }
}
