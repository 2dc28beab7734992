package dev.berth.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.storage.FileWriter;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FileWriterStreamTest {
  private final Vertx vertx = Vertx.vertx();
  /** Counts the direct memory of live segments, so a test can see every one of them given back. */
  private final UnpooledByteBufAllocator segments = new UnpooledByteBufAllocator(true);

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void writesBuffersInArrivalOrderAndEndsWhenAllAreStored() throws Exception {
    RecordingWriter writer = new RecordingWriter(null);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();

    long written = onContext(context -> {
      FileWriterStream stream = new FileWriterStream(context, writer);
      for (int i = 0; i < 2000; i++) {
        byte[] chunk = ("chunk-" + i + ";").getBytes();
        expected.writeBytes(chunk);
        stream.write(Buffer.buffer(chunk));
      }
      return stream.end().map(ignored -> stream.writtenBytes());
    });

    assertThat(writer.content.toByteArray()).isEqualTo(expected.toByteArray());
    assertThat(written).isEqualTo(expected.size());
  }

  @Test
  void fullQueueAsksForBackpressureAndDrainsLater() throws Exception {
    RecordingWriter writer = new RecordingWriter(null, 1);
    AtomicBoolean wasFull = new AtomicBoolean();

    boolean drained = onContext(context -> {
      FileWriterStream stream = new FileWriterStream(context, writer);
      stream.setWriteQueueMaxSize(1024);
      stream.write(Buffer.buffer(new byte[4096]));
      wasFull.set(stream.writeQueueFull());
      io.vertx.core.Promise<Boolean> promise = io.vertx.core.Promise.promise();
      stream.drainHandler(ignored -> promise.complete(!stream.writeQueueFull()));
      writer.release();
      return promise.future();
    });

    assertThat(wasFull).isTrue();
    assertThat(drained).isTrue();
    assertThat(writer.content.size()).isEqualTo(4096);
  }

  @Test
  void writerFailureFailsTheStreamAndItsEnd() throws Exception {
    RecordingWriter writer = new RecordingWriter(new IOException("disk full"));
    AtomicBoolean reported = new AtomicBoolean();

    Throwable failure = onContext(context -> {
      FileWriterStream stream = new FileWriterStream(context, writer);
      stream.exceptionHandler(error -> reported.set(true));
      stream.write(Buffer.buffer("x"));
      return stream.end().transform(result -> io.vertx.core.Future.succeededFuture(result.cause()));
    });

    assertThat(failure).hasMessage("disk full");
    assertThat(reported).isTrue();
  }

  @Test
  void chunksOfAnySizeCrossSegmentsIntactAndEverySegmentIsGivenBack() throws Exception {
    RecordingWriter writer = new RecordingWriter(null);
    StagingBudget budget = new StagingBudget(Long.MAX_VALUE);
    Random random = new Random(7);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();

    onContext(context -> {
      FileWriterStream stream = new FileWriterStream(context, writer, budget, segments);
      while (expected.size() < 3 * FileWriterStream.SEGMENT_BYTES + 12345) {
        byte[] chunk = new byte[1 + random.nextInt(FileWriterStream.SEGMENT_BYTES + 50_000)];
        random.nextBytes(chunk);
        expected.writeBytes(chunk);
        stream.write(Buffer.buffer(chunk));
      }
      return stream.end();
    });

    assertThat(writer.content.toByteArray()).isEqualTo(expected.toByteArray());
    assertThat(segments.metric().usedDirectMemory()).isZero();
    assertThat(budget.staged()).isZero();
  }

  @Test
  void aPartlyFilledSegmentIsWrittenWhenTheStreamWaitsForTheQueueToDrain() throws Exception {
    RecordingWriter writer = new RecordingWriter(null, 1);

    boolean drained = onContext(context -> {
      FileWriterStream stream = new FileWriterStream(context, writer, new StagingBudget(Long.MAX_VALUE), segments);
      stream.setWriteQueueMaxSize(1000);
      stream.write(Buffer.buffer(new byte[1200]));
      io.vertx.core.Promise<Boolean> promise = io.vertx.core.Promise.promise();
      stream.drainHandler(ignored -> promise.complete(!stream.writeQueueFull()));
      // Arrives while the first batch is being written: more than half the queue, less than all of it.
      stream.write(Buffer.buffer(new byte[700]));
      writer.release();
      return promise.future();
    });

    assertThat(drained).isTrue();
    assertThat(writer.content.size()).isEqualTo(1900);
  }

  @Test
  void atTheSharedBudgetOnlyStreamsWithQueuedBytesAreFull() throws Exception {
    RecordingWriter writer = new RecordingWriter(null, 1);
    RecordingWriter other = new RecordingWriter(null);
    StagingBudget budget = new StagingBudget(1000);

    boolean[] full = onContext(context -> {
      FileWriterStream busy = new FileWriterStream(context, writer, budget, segments);
      FileWriterStream idle = new FileWriterStream(context, other, budget, segments);
      busy.write(Buffer.buffer(new byte[1500]));
      boolean busyFull = busy.writeQueueFull();
      boolean idleFull = idle.writeQueueFull();
      io.vertx.core.Promise<boolean[]> promise = io.vertx.core.Promise.promise();
      busy.drainHandler(ignored -> promise.complete(new boolean[] {busyFull, idleFull, busy.writeQueueFull()}));
      writer.release();
      return promise.future();
    });

    assertThat(full).containsExactly(true, false, false);
    assertThat(budget.staged()).isZero();
  }

  @Test
  void aFailedWriterGivesBackTheBudgetAndTheSegments() throws Exception {
    RecordingWriter writer = new RecordingWriter(new IOException("disk full"));
    StagingBudget budget = new StagingBudget(Long.MAX_VALUE);

    onContext(context -> {
      FileWriterStream stream = new FileWriterStream(context, writer, budget, segments);
      stream.write(Buffer.buffer(new byte[FileWriterStream.SEGMENT_BYTES * 2 + 10]));
      stream.write(Buffer.buffer(new byte[100]));
      return stream.end().transform(result -> io.vertx.core.Future.succeededFuture(result.failed()));
    });

    assertThat(segments.metric().usedDirectMemory()).isZero();
    assertThat(budget.staged()).isZero();
  }

  private <T> T onContext(java.util.function.Function<Context, io.vertx.core.Future<T>> body) throws Exception {
    Context context = vertx.getOrCreateContext();
    CompletableFuture<T> result = new CompletableFuture<>();
    context.runOnContext(ignored -> body.apply(context).onComplete(outcome -> {
      if (outcome.succeeded()) {
        result.complete(outcome.result());
      } else {
        result.completeExceptionally(outcome.cause());
      }
    }));
    return result.get(30, TimeUnit.SECONDS);
  }

  private static final class RecordingWriter implements FileWriter {
    final ByteArrayOutputStream content = new ByteArrayOutputStream();
    private final IOException failure;
    private final java.util.concurrent.CountDownLatch released;

    RecordingWriter(IOException failure) {
      this(failure, 0);
    }

    /** With holds above zero, writes wait for {@link #release()}, so a test can look at a queue that is still full. */
    RecordingWriter(IOException failure, int holds) {
      this.failure = failure;
      this.released = new java.util.concurrent.CountDownLatch(holds);
    }

    void release() {
      released.countDown();
    }

    @Override
    public void write(ByteBuffer buffer) throws IOException {
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      append(buffer);
    }

    private synchronized void append(ByteBuffer buffer) throws IOException {
      if (failure != null) {
        throw failure;
      }
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      content.writeBytes(bytes);
    }

    @Override
    public synchronized long size() {
      return content.size();
    }

    @Override
    public void commit() {
    }

    @Override
    public void cancel() {
    }

    @Override
    public void close() {
    }
  }
}
