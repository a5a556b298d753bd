package dev.playfield.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a plain socket, for the cases a well-behaved client library will not
 * produce: one that stops reading altogether, with a tiny receive buffer, so the server's writes
 * back up as they do for a stalled phone on a bad network.
 */
public final class RawWebSocket implements AutoCloseable {

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;

  private RawWebSocket(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.in = socket.getInputStream();
  }

  /** Connects with the JSON subprotocol and reads the handshake answer. */
  public static RawWebSocket connect(int port, int receiveBufferBytes) throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(receiveBufferBytes);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setSoTimeout(5_000);
    RawWebSocket ws = new RawWebSocket(socket);
    byte[] key = new byte[16];
    ThreadLocalRandom.current().nextBytes(key);
    String request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
        + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: playfield.v1.json\r\n\r\n";
    ws.out.write(request.getBytes(StandardCharsets.US_ASCII));
    ws.out.flush();
    String head = ws.readHead();
    if (!head.startsWith("HTTP/1.1 101")) {
      throw new IOException("handshake refused: " + head);
    }
    return ws;
  }

  /** Sends one masked text frame (clients must mask). */
  public void sendText(String text) throws IOException {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    out.write(0x81);
    if (payload.length < 126) {
      out.write(0x80 | payload.length);
    } else {
      out.write(0x80 | 126);
      out.write(payload.length >> 8);
      out.write(payload.length & 0xff);
    }
    out.write(mask);
    for (int i = 0; i < payload.length; i++) {
      out.write(payload[i] ^ mask[i % 4]);
    }
    out.flush();
  }

  /** True once the server has closed the TCP connection (reads everything still buffered). */
  public boolean serverClosed() {
    try {
      byte[] sink = new byte[65_536];
      socket.setSoTimeout(100);
      while (true) {
        if (in.read(sink) < 0) {
          return true;
        }
      }
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /** Everything the server has sent so far, read until a pause (ignores framing; for searching text). */
  public String readAvailable() throws IOException {
    StringBuilder text = new StringBuilder();
    byte[] chunk = new byte[65_536];
    socket.setSoTimeout(200);
    try {
      int n;
      while ((n = in.read(chunk)) > 0) {
        text.append(new String(chunk, 0, n, StandardCharsets.ISO_8859_1));
      }
    } catch (java.net.SocketTimeoutException e) {
      // Nothing more for now.
    }
    return text.toString();
  }

  /** Reads until what arrived contains {@code text}, or fails after {@code timeoutMillis}. */
  public String readUntil(String text, long timeoutMillis) throws IOException {
    StringBuilder seen = new StringBuilder();
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (!seen.toString().contains(text)) {
      if (System.currentTimeMillis() > deadline) {
        throw new IOException("no '" + text + "' within " + timeoutMillis + " ms; got: " + seen);
      }
      seen.append(readAvailable());
    }
    return seen.toString();
  }

  private String readHead() throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed during the handshake");
      }
      head.append((char) b);
    }
    return head.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
