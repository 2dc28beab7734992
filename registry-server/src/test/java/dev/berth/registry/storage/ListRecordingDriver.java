package dev.berth.registry.storage;

import java.io.IOException;
import java.util.List;

/** Delegates to another driver and records every directory listed. */
final class ListRecordingDriver extends ForwardingDriver {
  private final List<String> listed;

  ListRecordingDriver(StorageDriver delegate, List<String> listed) {
    super(delegate);
    this.listed = listed;
  }

  @Override
  public List<String> list(String path) throws IOException {
    listed.add(path);
    return delegate.list(path);
  }
}
