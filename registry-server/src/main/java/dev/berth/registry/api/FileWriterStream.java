package dev.berth.registry.api;

import dev.berth.registry.storage.FileWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.streams.WriteStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link WriteStream} over a blocking {@link FileWriter}: bytes are written in arrival order on a worker
 * thread, one batch at a time, and the queue is bounded so that a pump pauses the socket instead of holding a
 * whole upload in memory. Must be used from one event-loop context, the one it was created on.
 *
 * <p>Arriving buffers are copied at once into pooled off-heap segments of {@value #SEGMENT_BYTES} bytes. The
 * copy replaces the one the JDK would make anyway to write a heap buffer to a file, and it keeps upload bodies
 * off the Java heap: a queued heap buffer outlives a young collection and gets promoted, so a few concurrent
 * uploads used to fill the old generation with garbage and run full collections every few megabytes. Full
 * segments also mean one write system call per 256 KiB rather than per network read. The queue is deep enough
 * that the request is rarely paused (a paused request's unread chunks wait in Vert.x on the heap), and all
 * streams together stay within a {@link StagingBudget}.
 */
public final class FileWriterStream implements WriteStream<Buffer> {
  static final int DEFAULT_QUEUE_BYTES = 4 * 1024 * 1024;
  static final int SEGMENT_BYTES = 256 * 1024;

  /** Bytes staged for the writer, and the writes that are done once these bytes are stored. */
  private record Segment(ByteBuf bytes, List<Promise<Void>> writes) {
  }

  private final Context context;
  private final FileWriter writer;
  private final StagingBudget budget;
  private final ByteBufAllocator segments;
  private final List<Segment> pending = new ArrayList<>();
  private Segment filling;
  private int maxQueueBytes = DEFAULT_QUEUE_BYTES;
  private long queuedBytes;
  private long writtenBytes;
  private boolean writing;
  private Throwable failure;
  private Promise<Void> ended;
  private Handler<Void> drainHandler;
  private Handler<Throwable> exceptionHandler;

  public FileWriterStream(Context context, FileWriter writer) {
    this(context, writer, StagingBudget.SHARED, ByteBufAllocator.DEFAULT);
  }

  FileWriterStream(Context context, FileWriter writer, StagingBudget budget, ByteBufAllocator segments) {
    this.context = context;
    this.writer = writer;
    this.budget = budget;
    this.segments = segments;
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
    ByteBuf source = ((BufferInternal) data).getByteBuf();
    queuedBytes += source.readableBytes();
    budget.take(source.readableBytes());
    do {
      if (filling == null) {
        filling = new Segment(segments.directBuffer(SEGMENT_BYTES, SEGMENT_BYTES), new ArrayList<>(2));
      }
      filling.bytes().writeBytes(source, Math.min(source.readableBytes(), filling.bytes().writableBytes()));
      if (!source.isReadable()) {
        filling.writes().add(promise);
      }
      if (!filling.bytes().isWritable()) {
        pending.add(filling);
        filling = null;
      }
    } while (source.isReadable());
    writeNextBatch();
    return promise.future();
  }

  /** Completes once every queued byte is written (or failed); does not close the writer. */
  @Override
  public Future<Void> end() {
    if (ended == null) {
      ended = Promise.promise();
      if (filling != null && failure == null) {
        pending.add(filling);
        filling = null;
      }
      writeNextBatch();
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

  /** Full at its own limit, or when all uploads together are at the budget and this one has bytes to write. */
  @Override
  public boolean writeQueueFull() {
    return queuedBytes >= maxQueueBytes || (queuedBytes > 0 && budget.exhausted());
  }

  @Override
  public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
    this.drainHandler = handler;
    return this;
  }

  /**
   * Hands the full segments to a worker. A partly filled segment waits for more bytes unless none will come
   * for now: the stream ended, or the queue is full and its writer waits for it to drain.
   */
  private void writeNextBatch() {
    if (writing || failure != null) {
      return;
    }
    if (filling != null && (ended != null || drainHandler != null || writeQueueFull())) {
      pending.add(filling);
      filling = null;
    }
    if (pending.isEmpty()) {
      return;
    }
    writing = true;
    List<Segment> batch = new ArrayList<>(pending);
    pending.clear();
    context.executeBlocking(() -> writeAll(batch), false).onComplete(result -> {
      writing = false;
      if (result.failed()) {
        fail(result.cause(), batch);
        return;
      }
      queuedBytes -= result.result();
      budget.giveBack(result.result());
      writtenBytes += result.result();
      batch.forEach(segment -> segment.writes().forEach(Promise::tryComplete));
      Handler<Void> drain = drainHandler;
      if (drain != null && queuedBytes <= maxQueueBytes / 2) {
        drainHandler = null;
        drain.handle(null);
      }
      writeNextBatch();
      completeEndIfIdle();
    });
  }

  /** On a worker thread; the batch's segments go back to the pool whatever happens. */
  private long writeAll(List<Segment> batch) throws Exception {
    long total = 0;
    try {
      for (Segment segment : batch) {
        ByteBuf bytes = segment.bytes();
        writer.write(bytes.nioBuffer(bytes.readerIndex(), bytes.readableBytes()));
        total += bytes.readableBytes();
      }
      return total;
    } finally {
      batch.forEach(segment -> segment.bytes().release());
    }
  }

  private void fail(Throwable cause, List<Segment> batch) {
    failure = cause;
    batch.forEach(segment -> segment.writes().forEach(p -> p.tryFail(cause)));
    if (filling != null) {
      pending.add(filling);
      filling = null;
    }
    for (Segment segment : pending) {
      segment.writes().forEach(p -> p.tryFail(cause));
      segment.bytes().release();
    }
    pending.clear();
    budget.giveBack(queuedBytes);
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
}
