package dev.berth.registry.api;

import io.netty.buffer.ByteBuf;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** A blob's content read front to back in chunks, on a worker thread: it may block. */
interface ChunkReader extends Closeable {

  /** Appends up to {@code max} bytes to the buffer; returns how many, or -1 at the end of the content. */
  int read(ByteBuf into, int max) throws IOException;

  /** Reads a stream that is positioned at the first byte to send. */
  static ChunkReader of(InputStream in) {
    return new ChunkReader() {
      @Override
      public int read(ByteBuf into, int max) throws IOException {
        return into.writeBytes(in, max);
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    };
  }
}
