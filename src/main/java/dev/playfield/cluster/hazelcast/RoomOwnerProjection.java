package dev.playfield.cluster.hazelcast;

import com.google.protobuf.InvalidProtocolBufferException;
import com.hazelcast.projection.Projection;
import dev.playfield.protocol.internal.RoomRecord;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Map;

/**
 * A room record's owner, read where the record is stored. Hazelcast ships this projection to the
 * members by Java serialization: it has no fields, so nothing of ours travels that way, and every
 * member has the class (they all run this jar).
 */
final class RoomOwnerProjection implements Projection<Map.Entry<String, byte[]>, Map.Entry<String, String>> {

  private static final long serialVersionUID = 1L;

  @Override
  public Map.Entry<String, String> transform(Map.Entry<String, byte[]> record) {
    String owner;
    try {
      owner = RoomRecord.parseFrom(record.getValue()).getOwner();
    } catch (InvalidProtocolBufferException e) {
      owner = "";
    }
    return new SimpleImmutableEntry<>(record.getKey(), owner);
  }
}
