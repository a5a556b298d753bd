package dev.playfield.matchmaking;

import dev.playfield.protocol.internal.Seat;
import dev.playfield.protocol.internal.StoredPrivateRoom;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.PlayerInfo;
import dev.playfield.protocol.v1.PrivateRoom;
import dev.playfield.protocol.v1.RoomList;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
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
    final boolean listed;
    final String label;
    final Map<String, Seat> members = new LinkedHashMap<>();
    boolean started;
    /** The list's version at this room's last change (see {@link #list}). */
    long version;

    Room(String code, String mode, int capacity, int minPlayers, boolean listed, String label) {
      this.code = code;
      this.mode = mode;
      this.capacity = capacity;
      this.minPlayers = minPlayers;
      this.listed = listed;
      this.label = label;
    }

    /** In the room list: listed, and open to a join. */
    boolean open() {
      return listed && !started && !members.isEmpty() && members.size() < capacity;
    }

    String creator() {
      return members.keySet().iterator().next();
    }

    List<Seat> seats() {
      return List.copyOf(members.values());
    }

    StoredPrivateRoom stored() {
      return StoredPrivateRoom.newBuilder().setCode(code).setMode(mode).setCapacity(capacity)
          .setMinPlayers(minPlayers).addAllMembers(members.values()).setListed(listed).setLabel(label).build();
    }

    PrivateRoom view() {
      PrivateRoom.Builder view = PrivateRoom.newBuilder().setCode(code).setMode(mode)
          .setCapacity(capacity).setMinPlayers(minPlayers).setStarted(started).setListed(listed).setLabel(label);
      if (!members.isEmpty()) {
        view.setCreatorPlayerId(creator());
      }
      members.values().forEach(seat -> view.addMembers(
          PlayerInfo.newBuilder().setPlayerId(seat.getPlayerId()).setName(seat.getName())));
      return view.build();
    }
  }

  /** Codes that left the list, kept for answering a cursor; an older cursor gets the full list. */
  static final int REMOVALS_KEPT = 1_024;

  private record Removal(long version, String mode, String code) {}

  private final RandomGenerator random;
  private final Map<String, Room> byCode = new LinkedHashMap<>();
  private final Map<String, Room> byPlayer = new HashMap<>();
  private final Deque<Removal> removals = new ArrayDeque<>();
  /** Versions older than this are not known here (before this matchmaker started, or dropped from removals). */
  private long knownSince;
  private long version;

  /**
   * @param startVersion the first version: the clock's microseconds, so that a cursor an earlier
   *     matchmaker gave out is older than anything this one knows and gets the full list
   */
  PrivateRooms(long startVersion) {
    this(new SecureRandom(), startVersion);
  }

  PrivateRooms(RandomGenerator random, long startVersion) {
    this.random = random;
    this.version = startVersion;
    this.knownSince = startVersion;
  }

  /** Takes over a room an earlier matchmaker kept (not started: a start it did not finish is undone). */
  void restore(StoredPrivateRoom stored) {
    Room room = new Room(stored.getCode(), stored.getMode(), stored.getCapacity(), stored.getMinPlayers(),
        stored.getListed(), stored.getLabel());
    room.version = ++version;
    stored.getMembersList().stream().filter(seat -> !byPlayer.containsKey(seat.getPlayerId())).forEach(seat -> add(room, seat));
    if (!room.members.isEmpty()) {
      byCode.put(room.code, room);
    }
  }

  /** A new room for {@code mode} with {@code creator} in it. */
  Room create(String mode, int capacity, int minPlayers, boolean listed, String label, Seat creator) {
    refuseIfInARoom(creator.getPlayerId());
    String code;
    do {
      code = newCode();
    } while (byCode.containsKey(code));
    Room room = new Room(code, mode, capacity, minPlayers, listed, label);
    byCode.put(code, room);
    add(room, creator);
    changed(room, false);
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
    boolean wasOpen = room.open();
    add(room, seat);
    changed(room, wasOpen);
    return room;
  }

  /** Takes the player out of their room; the room as it is now (closed when empty), or null if they were in none. */
  Room leave(String playerId) {
    Room room = byPlayer.remove(playerId);
    if (room == null) {
      return null;
    }
    boolean wasOpen = room.open();
    room.members.remove(playerId);
    if (room.members.isEmpty()) {
      byCode.remove(room.code);
    }
    changed(room, wasOpen);
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
    markStarted(room);
    return room;
  }

  /** The room's match is to be placed (its creator started it, or it filled up). */
  void markStarted(Room room) {
    boolean wasOpen = room.open();
    room.started = true;
    changed(room, wasOpen);
  }

  /** The room's match could not be placed: it waits again, members kept, to be started again. */
  void unstart(Room room) {
    room.started = false;
    changed(room, false);
  }

  /**
   * The open listed rooms of {@code mode}: with {@code since} 0 (or a cursor older than this
   * matchmaker knows) a page of them, oldest first; else the rooms that changed after it and the
   * codes that left the list.
   */
  RoomList list(String mode, int offset, int limit, long since) {
    List<Room> open = byCode.values().stream().filter(room -> room.mode.equals(mode) && room.open()).toList();
    RoomList.Builder list = RoomList.newBuilder().setTotal(open.size()).setCursor(version);
    if (since == 0 || since < knownSince) {
      open.stream().skip(offset).limit(limit).forEach(room -> list.addRooms(room.view()));
      return list.setReset(since != 0).build();
    }
    open.stream().filter(room -> room.version > since).forEach(room -> list.addRooms(room.view()));
    removals.stream().filter(r -> r.version() > since && r.mode().equals(mode)).map(Removal::code).distinct()
        .filter(code -> byCode.get(code) == null || !byCode.get(code).open())
        .forEach(list::addRemovedCodes);
    return list.build();
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

  /** A new version for the room; when it was open and is not any more, its code left the list. */
  private void changed(Room room, boolean wasOpen) {
    room.version = ++version;
    if (wasOpen && !room.open()) {
      removals.addLast(new Removal(room.version, room.mode, room.code));
      if (removals.size() > REMOVALS_KEPT) {
        knownSince = removals.removeFirst().version();
      }
    }
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
