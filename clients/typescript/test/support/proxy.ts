// A TCP proxy on 127.0.0.1 in front of a node, to break connections the way networks and nodes
// do: cut every socket (no close frame: the client sees 1006), refuse new connections for a
// while (a node that is down), or close like a draining node (a WebSocket close frame 1001 at
// the next frame boundary, then the sockets shut).
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface Proxy {
  /** `ws://127.0.0.1:<port>/ws` */
  wsUrl: string;
  /** Connections accepted so far. */
  readonly accepted: number;
  /** Destroys every open connection, both ways, at once. */
  cut(): void;
  /** While true, new connections are reset at once. */
  refuse(down: boolean): void;
  /** Sends each client a close frame with `code` and closes its connection. */
  closeAll(code: number, reason: string): void;
  stop(): Promise<void>;
}

/** Tracks WebSocket frame boundaries in the server-to-client stream (server frames are unmasked). */
class FrameBoundaries {
  private handshakeDone = false;
  private handshakeTail = '';
  private header: number[] = [];
  private payloadLeft = 0;

  /** True between two frames (after the HTTP upgrade answer). */
  get atBoundary(): boolean {
    return this.handshakeDone && this.payloadLeft === 0 && this.header.length === 0;
  }

  /**
   * Reads `chunk`. With `stopAtBoundary`, stops at the first frame boundary and returns how many
   * bytes come before it (undefined when the chunk holds none); else reads it all.
   */
  consume(chunk: Buffer, stopAtBoundary: boolean): number | undefined {
    let at = 0;
    if (!this.handshakeDone) {
      const text = this.handshakeTail + chunk.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) {
        this.handshakeTail = text.slice(-3);
        return undefined;
      }
      this.handshakeDone = true;
      at = end + 4 - this.handshakeTail.length;
    }
    while (at < chunk.length) {
      if (stopAtBoundary && this.atBoundary) return at;
      if (this.payloadLeft > 0) {
        const take = Math.min(this.payloadLeft, chunk.length - at);
        this.payloadLeft -= take;
        at += take;
        continue;
      }
      this.header.push(chunk[at++]!);
      const needed = this.headerLength();
      if (needed !== undefined && this.header.length === needed) {
        this.payloadLeft = this.payloadLength();
        this.header = [];
      }
    }
    return stopAtBoundary && this.atBoundary ? at : undefined;
  }

  private headerLength(): number | undefined {
    if (this.header.length < 2) return undefined;
    const short = this.header[1]! & 0x7f;
    return short === 126 ? 4 : short === 127 ? 10 : 2;
  }

  private payloadLength(): number {
    const short = this.header[1]! & 0x7f;
    if (short === 126) return (this.header[2]! << 8) | this.header[3]!;
    if (short === 127) return Number(Buffer.from(this.header.slice(2, 10)).readBigUInt64BE());
    return short;
  }
}

function closeFrame(code: number, reason: string): Buffer {
  const text = Buffer.from(reason, 'utf8');
  const frame = Buffer.alloc(4 + text.length);
  frame[0] = 0x88; // FIN + close
  frame[1] = 2 + text.length;
  frame.writeUInt16BE(code, 2);
  text.copy(frame, 4);
  return frame;
}

export async function startProxy(targetPort: number): Promise<Proxy> {
  const pairs = new Set<{ client: Socket; upstream: Socket; drain: (frame: Buffer) => void }>();
  let down = false;
  let accepted = 0;
  const server: Server = createServer((client) => {
    if (down) {
      client.resetAndDestroy();
      return;
    }
    accepted++;
    const upstream = connect(targetPort, '127.0.0.1');
    const frames = new FrameBoundaries();
    let closing: Buffer | undefined;
    let finished = false;
    const finish = (frame: Buffer) => {
      if (finished) return;
      finished = true;
      client.end(frame);
      upstream.destroy();
    };
    const pair = {
      client,
      upstream,
      drain: (frame: Buffer) => {
        closing = frame;
        if (frames.atBoundary) finish(frame);
      },
    };
    pairs.add(pair);
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk: Buffer) => {
      if (finished) return;
      if (!closing) {
        frames.consume(chunk, false);
        client.write(chunk);
        return;
      }
      const boundary = frames.consume(chunk, true);
      if (boundary === undefined) {
        client.write(chunk);
        return;
      }
      client.write(chunk.subarray(0, boundary));
      finish(closing);
    });
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const proxy: Proxy = {
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    get accepted() {
      return accepted;
    },
    cut() {
      for (const pair of [...pairs]) {
        pair.client.resetAndDestroy();
        pair.upstream.destroy();
      }
    },
    refuse(value) {
      down = value;
    },
    closeAll(code, reason) {
      for (const pair of [...pairs]) pair.drain(closeFrame(code, reason));
    },
    stop() {
      proxy.cut();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return proxy;
}
