package dev.playfield.cluster;

/** The cluster state a node uses, standalone ({@link LocalCluster}) or clustered ({@link HazelcastCluster}). */
public record ClusterServices(
    String nodeId,
    RatingStore ratings,
    TicketStore tickets,
    SessionDirectory sessions,
    NodeDirectory nodes,
    Leadership leadership,
    RoomStore rooms,
    ResumeStore resumes,
    FinishedMatches finished) {}
