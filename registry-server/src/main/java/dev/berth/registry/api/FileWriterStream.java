package dev.berth.registry.api;

import dev.berth.registry.storage.FileWriter;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link WriteStream} over a blocking {@link FileWriter}: buffers are written in arrival order on a worker
 * thread, one batch at a time, and the queue is bounded so that a pump pauses the socket instead of holding a
 * whole upload in memory. Must be used from one event-loop context, the one it was created on.
 */
public final class FileWriterStream implements WriteStream<Buffer> {
  static final int DEFAULT_QUEUE_BYTES = 1024 * 1024;

  private final Context context;
  private final FileWriter writer;
  private final List<Buffer> pending = new ArrayList<>();
  private final List<Promise<Void>> pendingPromises = new ArrayList<>();
  private int maxQueueBytes = DEFAULT_QUEUE_BYTES;
  private long queuedBytes;
  private long writtenBytes;
  private boolean writing;
  private Throwable failure;
  private Promise<Void> ended;
  private Handler<Void> drainHandler;
  private Handler<Throwable> exceptionHandler;

  public FileWriterStream(Context context, FileWriter writer) {
    this.context = context;
    this.writer = writer;
  }

  /** Bytes the writer has accepted so far through this stream. */
  public long writtenBytes() {
    return writtenBytes;
  }

  @Override
  public Future<Void> write(Buffer data) {
    if (failure != null) {
      return Future.failedFuture(failure);
    }
    if (ended != null) {
      return Future.failedFuture(new IllegalStateException("stream already ended"));
    }
    Promise<Void> promise = Promise.promise();
    pending.add(data);
    pendingPromises.add(promise);
    queuedBytes += data.length();
    writeNextBatch();
    return promise.future();
  }

  /** Completes once every queued buffer is written (or failed); does not close the writer. */
  @Override
  public Future<Void> end() {
    if (ended == null) {
      ended = Promise.promise();
      completeEndIfIdle();
    }
    return ended.future();
  }

  @Override
  public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
    this.exceptionHandler = handler;
    return this;
  }

  @Override
  public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
    this.maxQueueBytes = maxSize;
    return this;
  }

  @Override
  public boolean writeQueueFull() {
    return queuedBytes >= maxQueueBytes;
  }

  @Override
  public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
    this.drainHandler = handler;
    return this;
  }

  private void writeNextBatch() {
    if (writing || pending.isEmpty() || failure != null) {
      return;
    }
    writing = true;
    List<Buffer> batch = new ArrayList<>(pending);
    List<Promise<Void>> promises = new ArrayList<>(pendingPromises);
    pending.clear();
    pendingPromises.clear();
    context.executeBlocking(() -> writeAll(batch), false).onComplete(result -> {
      writing = false;
      queuedBytes -= result.succeeded() ? result.result() : batchBytes(batch);
      if (result.succeeded()) {
        writtenBytes += result.result();
        promises.forEach(Promise::tryComplete);
      } else {
        fail(result.cause(), promises);
        return;
      }
      Handler<Void> drain = drainHandler;
      if (drain != null && queuedBytes <= maxQueueBytes / 2) {
        drainHandler = null;
        drain.handle(null);
      }
      writeNextBatch();
      completeEndIfIdle();
    });
  }

  private long writeAll(List<Buffer> batch) throws Exception {
    long total = 0;
    for (Buffer buffer : batch) {
      byte[] bytes = buffer.getBytes();
      writer.write(ByteBuffer.wrap(bytes));
      total += bytes.length;
    }
    return total;
  }

  private void fail(Throwable cause, List<Promise<Void>> promises) {
    failure = cause;
    promises.forEach(p -> p.tryFail(cause));
    pendingPromises.forEach(p -> p.tryFail(cause));
    pending.clear();
    pendingPromises.clear();
    queuedBytes = 0;
    if (exceptionHandler != null) {
      exceptionHandler.handle(cause);
    }
    if (ended != null) {
      ended.tryFail(cause);
    }
  }

  private void completeEndIfIdle() {
    if (ended != null && !writing && pending.isEmpty()) {
      if (failure != null) {
        ended.tryFail(failure);
      } else {
        ended.tryComplete();
      }
    }
  }

  private static long batchBytes(List<Buffer> batch) {
    return batch.stream().mapToLong(Buffer::length).sum();
  }
}
