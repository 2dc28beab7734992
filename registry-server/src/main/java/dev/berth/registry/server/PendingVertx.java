package dev.berth.registry.server;

import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Vert.x being created on a thread of its own while the config loads. Creating Vert.x (Netty, its native
 * transport, the event loops) needs nothing from the config and takes about as long as reading it, so the two
 * overlap on a second core instead of adding up at startup. Whoever {@link #take()}s the instance owns it; until
 * then, {@link #discard()} closes it, so that a startup that fails on its config leaves no event loop running.
 */
public final class PendingVertx {
  private final CompletableFuture<Vertx> creation = new CompletableFuture<>();
  private boolean taken;

  private PendingVertx() {
  }

  /** Starts creating the instance the registry server runs on. */
  public static PendingVertx create() {
    return create(RegistryServer::createVertx);
  }

  static PendingVertx create(Supplier<Vertx> factory) {
    PendingVertx pending = new PendingVertx();
    Thread thread = new Thread(() -> {
      try {
        pending.creation.complete(factory.get());
      } catch (Throwable e) {
        pending.creation.completeExceptionally(e);
      }
    }, "berth-vertx-create");
    thread.setDaemon(true);
    thread.start();
    return pending;
  }

  /** Waits for the instance and hands it over; throws what creating it threw. */
  public synchronized Vertx take() {
    taken = true;
    try {
      return creation.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Closes the instance, as soon as it exists, unless it was taken. */
  public synchronized void discard() {
    if (!taken) {
      taken = true;
      creation.thenAccept(Vertx::close);
    }
  }
}
