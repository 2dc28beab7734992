package dev.berth.registry.api;

import dev.berth.registry.storage.StorageDriver;
import io.vertx.core.Vertx;

/** What every handler is built from: the Vert.x instance (for worker threads), the storage, and the options. */
public record RegistryContext(Vertx vertx, StorageDriver driver, ApiOptions options, AccessControl access) {
}
