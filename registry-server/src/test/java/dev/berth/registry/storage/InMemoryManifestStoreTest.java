package dev.berth.registry.storage;

class InMemoryManifestStoreTest extends ManifestStoreContract {
  @Override
  StorageDriver newDriver() {
    return new InMemoryDriver();
  }
}
