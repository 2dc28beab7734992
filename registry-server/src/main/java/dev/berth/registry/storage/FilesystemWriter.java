package dev.berth.registry.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Writes a file in place through a {@link FileChannel}. The path written to is an upload's data file, never a
 * blob path: the upload layer {@code move}s the finished file to the blob path after verifying its digest, which
 * is what keeps partial data invisible to readers of blobs.
 */
final class FilesystemWriter implements FileWriter {
  /**
   * How much may wait in the page cache before the writer has it pushed to the disk, in the background. Without
   * it the whole object is written back at {@link #commit()}, which for a large blob keeps the client waiting
   * with an idle CPU; flushing as it goes overlaps the disk with the network and leaves the commit only the tail.
   */
  static final long WRITE_BACK_BYTES = 8L * 1024 * 1024;
  private static final Executor WRITE_BACK = Executors.newFixedThreadPool(2, task -> {
    Thread thread = new Thread(task, "berth-write-back");
    thread.setDaemon(true);
    return thread;
  });

  private enum State { OPEN, COMMITTED, CANCELLED, CLOSED }

  private final FileChannel channel;
  /** Removes the file once the channel is closed. */
  interface Discard {
    void run() throws IOException;
  }

  private final Discard onCancel;
  private long size;
  private long unsynced;
  private CompletableFuture<Void> writingBack = CompletableFuture.completedFuture(null);
  private State state = State.OPEN;

  /** Takes ownership of the channel. */
  FilesystemWriter(FileChannel channel, long initialSize, Discard onCancel) {
    this.channel = channel;
    this.size = initialSize;
    this.onCancel = onCancel;
  }

  @Override
  public synchronized void write(ByteBuffer buffer) throws IOException {
    requireOpen();
    while (buffer.hasRemaining()) {
      int written = channel.write(buffer);
      size += written;
      unsynced += written;
    }
    if (unsynced >= WRITE_BACK_BYTES && writingBack.isDone()) {
      unsynced = 0;
      writingBack = CompletableFuture.runAsync(this::writeBackQuietly, WRITE_BACK);
    }
  }

  /** Only a head start for {@link #commit()}, whose own fsync reports any error. */
  private void writeBackQuietly() {
    try {
      channel.force(false);
    } catch (IOException | RuntimeException e) {
      // Closed or cancelled meanwhile, or a disk error that the commit will see again.
    }
  }

  @Override
  public synchronized long size() {
    return size;
  }

  @Override
  public synchronized void commit() throws IOException {
    requireOpen();
    writingBack.join();
    channel.force(true);
    state = State.COMMITTED;
  }

  @Override
  public synchronized void cancel() throws IOException {
    if (state == State.CANCELLED) {
      return;
    }
    state = State.CANCELLED;
    channel.close();
    onCancel.run();
  }

  /** Keeps the bytes written so far for a later {@code writer(path, true)}. */
  @Override
  public synchronized void close() throws IOException {
    if (state == State.OPEN) {
      state = State.CLOSED;
    }
    channel.close();
  }

  private void requireOpen() throws IOException {
    if (state != State.OPEN) {
      throw new IOException("writer is " + state.name().toLowerCase());
    }
  }
}
