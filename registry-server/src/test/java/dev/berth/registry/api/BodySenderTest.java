package dev.berth.registry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.UnpooledByteBufAllocator;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BodySenderTest {
  private static final byte[] CONTENT = randomBytes(3 * BodySender.CHUNK_BYTES + 12345);

  private final Vertx vertx = Vertx.vertx();
  /** Counts the direct memory of live chunks, so a test can see every one of them given back. */
  private final UnpooledByteBufAllocator chunks = new UnpooledByteBufAllocator(true);
  private final AtomicReference<Throwable> outcome = new AtomicReference<>();
  private final StagingBudget budget = new StagingBudget(Long.MAX_VALUE);

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void aReaderFasterThanTheHandlersStillSendsChunksInOrder() throws Exception {
    // Reads from memory finish before their handlers are registered, the case that once reversed the chunks.
    int port = serve(() -> new ByteArrayInputStream(CONTENT), CONTENT.length);

    HttpResponse<byte[]> response = get(port);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(CONTENT);
    await().untilAsserted(() -> assertThat(chunks.metric().usedDirectMemory()).isZero());
    assertThat(budget.staged()).isZero();
  }

  @Test
  void pastTheSharedBudgetADownloadStillCompletesOneChunkAtATime() throws Exception {
    StagingBudget spent = new StagingBudget(1);
    spent.take(1);
    Router router = Router.router(vertx);
    router.get("/blob").handler(ctx -> {
      ctx.response().putHeader("Content-Length", Integer.toString(CONTENT.length));
      BodySender.send(vertx.getOrCreateContext(), new ByteArrayInputStream(CONTENT), CONTENT.length,
          ctx, chunks, spent);
    });
    int port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).actualPort();

    assertThat(get(port).body()).isEqualTo(CONTENT);
    await().untilAsserted(() -> assertThat(spent.staged()).isEqualTo(1));
  }

  @Test
  void contentEndingEarlyFailsTheResponseInsteadOfHanging() throws Exception {
    int port = serve(() -> new ByteArrayInputStream(CONTENT, 0, 1000), CONTENT.length);

    try {
      get(port);
    } catch (IOException expected) {
      // The status line went out with the first chunk; the client sees a connection closed short.
    }

    await().untilAsserted(() -> assertThat(outcome.get()).hasMessageContaining("ended"));
    await().untilAsserted(() -> assertThat(chunks.metric().usedDirectMemory()).isZero());
  }

  @Test
  void aClientLeavingMidBodyClosesTheReaderAndGivesBackEveryChunk() throws Exception {
    AtomicReference<Boolean> closed = new AtomicReference<>(false);
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return 7;
      }

      @Override
      public void close() {
        closed.set(true);
      }
    };
    int port = serve(() -> endless, Long.MAX_VALUE / 2);

    HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request(port),
        HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      body.readNBytes(BodySender.CHUNK_BYTES);
    }

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      assertThat(closed.get()).isTrue();
      assertThat(chunks.metric().usedDirectMemory()).isZero();
      assertThat(budget.staged()).isZero();
    });
  }

  private int serve(Supplier<InputStream> content, long length) throws Exception {
    Router router = Router.router(vertx);
    router.get("/blob").handler(ctx -> {
      ctx.response().putHeader("Content-Length", Long.toString(length));
      BodySender.send(vertx.getOrCreateContext(), content.get(), length, ctx, chunks, budget)
          .onComplete(result -> outcome.set(result.failed() ? result.cause() : null))
          // As the failure handler does once the status line is out: the client must not wait for the rest.
          .onFailure(error -> ctx.request().connection().close());
    });
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    return server.actualPort();
  }

  private static HttpResponse<byte[]> get(int port) throws Exception {
    return HttpClient.newHttpClient().send(request(port), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpRequest request(int port) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/blob"))
        .version(HttpClient.Version.HTTP_1_1).timeout(Duration.ofSeconds(30)).build();
  }

  private static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random(42).nextBytes(bytes);
    return bytes;
  }
}
