package dev.berth.registry.api;

import io.netty.buffer.ByteBuf;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;

/** A blob's content read front to back in chunks, on a worker thread: it may block. */
interface ChunkReader extends Closeable {

  /** Appends up to {@code max} bytes to the buffer; returns how many, or -1 at the end of the content. */
  int read(ByteBuf into, int max) throws IOException;

  /** Reads a local file from {@code position} on, straight into the buffer's memory. */
  static ChunkReader of(FileChannel file, long position) {
    return new ChunkReader() {
      private long next = position;

      @Override
      public int read(ByteBuf into, int max) throws IOException {
        int read = into.writeBytes(file, next, max);
        if (read > 0) {
          next += read;
        }
        return read;
      }

      @Override
      public void close() throws IOException {
        file.close();
      }
    };
  }

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
