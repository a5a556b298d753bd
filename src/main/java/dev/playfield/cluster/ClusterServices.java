package dev.playfield.cluster;

/**
 * The cluster state a node uses (players and their ratings are not cluster state: they live in the
 * store of record, {@code dev.playfield.store.PlayerStore}): standalone ({@code cluster.local.LocalCluster}) or clustered
 * ({@code cluster.hazelcast.HazelcastCluster}), the same interfaces either way.
 */
public record ClusterServices(
    String nodeId,
    TicketStore tickets,
    SessionDirectory sessions,
    NodeDirectory nodes,
    Leadership leadership,
    RoomStore rooms,
    ResumeStore resumes,
    FinishedMatches finished,
    PrivateRoomStore privateRooms) {}
