package dev.berth.registry.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Streams a large object into storage. Bytes written are durable only after {@link #commit()}; {@link #cancel()}
 * discards them. {@link #close()} without commit keeps what was written so far available to a later
 * {@code writer(path, true)} (a resumable upload), but never at a readable blob path.
 */
public interface FileWriter extends Closeable {

  /** Writes all remaining bytes of the buffer. */
  void write(ByteBuffer buffer) throws IOException;

  /** Bytes in the object so far, including any appended-to prefix. */
  long size();

  /** Makes the content durable (fsync, or completes the multipart upload). */
  void commit() throws IOException;

  /** Discards the object. */
  void cancel() throws IOException;
}
