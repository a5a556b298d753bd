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
}
