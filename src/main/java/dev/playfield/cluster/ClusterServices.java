package dev.playfield.cluster;

/**
 * The cluster state a node uses: standalone ({@code cluster.local.LocalCluster}) or clustered
 * ({@code cluster.hazelcast.HazelcastCluster}), the same interfaces either way.
 */
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
