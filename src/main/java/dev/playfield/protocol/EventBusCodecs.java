package dev.playfield.protocol;

import dev.playfield.protocol.internal.CancelTicket;
import dev.playfield.protocol.internal.CloseRoom;
import dev.playfield.protocol.internal.DrainNode;
import dev.playfield.protocol.internal.DrainStarted;
import dev.playfield.protocol.internal.RoomClosed;
import dev.playfield.protocol.internal.RoomReports;
import dev.playfield.protocol.internal.RoomsQuery;
import dev.playfield.protocol.internal.SessionQuery;
import dev.playfield.protocol.internal.SessionReport;
import dev.playfield.protocol.internal.CreateRoom;
import dev.playfield.protocol.internal.GatewayFrame;
import dev.playfield.protocol.internal.RoomCreated;
import dev.playfield.protocol.internal.RoomInput;
import dev.playfield.protocol.internal.PrivateRoomRequest;
import dev.playfield.protocol.internal.ResumeRoom;
import dev.playfield.protocol.internal.SeatDisconnected;
import dev.playfield.protocol.internal.SeatLeft;
import dev.playfield.protocol.internal.SeatResume;
import dev.playfield.protocol.internal.SeatResumed;
import dev.playfield.protocol.internal.TicketRequest;
import dev.playfield.protocol.v1.Error;
import dev.playfield.protocol.v1.PrivateRoom;
import dev.playfield.protocol.v1.RoomList;
import io.vertx.core.eventbus.EventBus;
import java.util.List;

/** Registers the codec of every message type sent over the event bus; once per Vert.x instance. */
public final class EventBusCodecs {

  private static final List<ProtoCodec<?>> CODECS = List.of(
      new ProtoCodec<>(TicketRequest.class, TicketRequest.parser()),
      new ProtoCodec<>(CancelTicket.class, CancelTicket.parser()),
      new ProtoCodec<>(CreateRoom.class, CreateRoom.parser()),
      new ProtoCodec<>(RoomCreated.class, RoomCreated.parser()),
      new ProtoCodec<>(RoomInput.class, RoomInput.parser()),
      new ProtoCodec<>(SeatLeft.class, SeatLeft.parser()),
      new ProtoCodec<>(GatewayFrame.class, GatewayFrame.parser()),
      new ProtoCodec<>(Error.class, Error.parser()),
      new ProtoCodec<>(SeatDisconnected.class, SeatDisconnected.parser()),
      new ProtoCodec<>(SeatResume.class, SeatResume.parser()),
      new ProtoCodec<>(SeatResumed.class, SeatResumed.parser()),
      new ProtoCodec<>(ResumeRoom.class, ResumeRoom.parser()),
      new ProtoCodec<>(RoomsQuery.class, RoomsQuery.parser()),
      new ProtoCodec<>(RoomReports.class, RoomReports.parser()),
      new ProtoCodec<>(CloseRoom.class, CloseRoom.parser()),
      new ProtoCodec<>(RoomClosed.class, RoomClosed.parser()),
      new ProtoCodec<>(SessionQuery.class, SessionQuery.parser()),
      new ProtoCodec<>(SessionReport.class, SessionReport.parser()),
      new ProtoCodec<>(DrainNode.class, DrainNode.parser()),
      new ProtoCodec<>(DrainStarted.class, DrainStarted.parser()),
      new ProtoCodec<>(PrivateRoomRequest.class, PrivateRoomRequest.parser()),
      new ProtoCodec<>(PrivateRoom.class, PrivateRoom.parser()),
      new ProtoCodec<>(RoomList.class, RoomList.parser()));

  private EventBusCodecs() {}

  public static void register(EventBus bus) {
    for (ProtoCodec<?> codec : CODECS) {
      registerDefault(bus, codec);
    }
  }

  private static <T extends com.google.protobuf.Message> void registerDefault(EventBus bus, ProtoCodec<T> codec) {
    try {
      bus.registerDefaultCodec(codec.type(), codec);
    } catch (IllegalStateException alreadyRegistered) {
      // A second node deployed on the same Vert.x instance (tests do this) shares the codecs.
    }
  }
}
