package dev.playfield.cluster.hazelcast;

import com.google.protobuf.Parser;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;

/** The cluster's maps keep Protobuf messages as bytes; reading a whole map is a blocking call. */
final class ProtoMaps {

  private ProtoMaps() {}

  /** Every value of {@code map}, parsed, read on a worker thread. */
  static <T> Future<List<T>> values(Vertx vertx, IMap<String, byte[]> map, Parser<T> parser) {
    return vertx.executeBlocking(() -> {
      List<T> values = new ArrayList<>();
      for (byte[] bytes : map.values()) {
        values.add(parser.parseFrom(bytes));
      }
      return values;
    }, false);
  }
}
