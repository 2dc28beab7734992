package dev.berth.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PendingVertxTest {

  @Test
  void takeHandsOverTheInstanceCreatedOnTheOtherThread() {
    AtomicReference<String> creatingThread = new AtomicReference<>();
    PendingVertx pending = PendingVertx.create(() -> {
      creatingThread.set(Thread.currentThread().getName());
      return Vertx.vertx();
    });

    Vertx vertx = pending.take();
    try {
      assertThat(creatingThread.get()).isEqualTo("berth-vertx-create");
      pending.discard();
      assertThat(isClosed(vertx)).isFalse();
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void discardClosesTheInstanceOnceItExists() throws Exception {
    CountDownLatch creationMayFinish = new CountDownLatch(1);
    AtomicReference<Vertx> created = new AtomicReference<>();
    PendingVertx pending = PendingVertx.create(() -> {
      awaitQuietly(creationMayFinish);
      created.set(Vertx.vertx());
      return created.get();
    });

    pending.discard();
    creationMayFinish.countDown();

    await().atMost(Duration.ofSeconds(10)).until(() -> created.get() != null && isClosed(created.get()));
  }

  @Test
  void takeThrowsWhatCreatingThrew() {
    PendingVertx pending = PendingVertx.create(() -> {
      throw new IllegalStateException("no event loop for you");
    });

    assertThatThrownBy(pending::take).isInstanceOf(IllegalStateException.class)
        .hasMessage("no event loop for you");
  }

  private static boolean isClosed(Vertx vertx) {
    return ((VertxInternal) vertx).closeFuture().isClosed();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
