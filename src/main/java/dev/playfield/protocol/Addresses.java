package dev.playfield.protocol;

/**
 * Every event-bus address Playfield uses, in one place. Dotted lowercase; ids are appended as the
 * last segment.
 */
public final class Addresses {

  /** The matchmaker: TicketRequest and CancelTicket, each answered with a reply. */
  public static final String MATCHMAKER = "playfield.matchmaker";

  private Addresses() {}

  /** A node's room host: CreateRoom, answered with RoomCreated. */
  public static String roomHost(String nodeId) {
    return "playfield.rooms." + nodeId;
  }

  /** A room's inbox: RoomInput and SeatLeft. */
  public static String room(String roomId) {
    return "playfield.room." + roomId;
  }

  /** A gateway node's inbox: GatewayFrame, everything its sessions must be told. */
  public static String gateway(String nodeId) {
    return "playfield.gateway." + nodeId;
  }

  /** A node's room host, for the admin API: RoomsQuery and CloseRoom. */
  public static String adminRooms(String nodeId) {
    return "playfield.admin.rooms." + nodeId;
  }

  /** A node's gateway, for the admin API: SessionQuery. */
  public static String adminSessions(String nodeId) {
    return "playfield.admin.sessions." + nodeId;
  }

  /** A node itself, for the admin API: DrainNode. */
  public static String adminNode(String nodeId) {
    return "playfield.admin.node." + nodeId;
  }

  /** The node id in a {@link #gateway} address. */
  public static String nodeOfGateway(String gatewayAddress) {
    String prefix = gateway("");
    if (!gatewayAddress.startsWith(prefix)) {
      throw new IllegalArgumentException("not a gateway address: " + gatewayAddress);
    }
    return gatewayAddress.substring(prefix.length());
  }
}
