package dev.berth.registry.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Delegates to another driver and records every directory listed. */
final class ListRecordingDriver implements StorageDriver {
  private final StorageDriver delegate;
  private final List<String> listed;

  ListRecordingDriver(StorageDriver delegate, List<String> listed) {
    this.delegate = delegate;
    this.listed = listed;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public byte[] getContent(String path) throws IOException {
    return delegate.getContent(path);
  }

  @Override
  public void putContent(String path, byte[] content) throws IOException {
    delegate.putContent(path, content);
  }

  @Override
  public InputStream reader(String path, long offset) throws IOException {
    return delegate.reader(path, offset);
  }

  @Override
  public FileWriter writer(String path, boolean append) throws IOException {
    return delegate.writer(path, append);
  }

  @Override
  public FileInfo stat(String path) throws IOException {
    return delegate.stat(path);
  }

  @Override
  public List<String> list(String path) throws IOException {
    listed.add(path);
    return delegate.list(path);
  }

  @Override
  public void move(String sourcePath, String destPath) throws IOException {
    delegate.move(sourcePath, destPath);
  }

  @Override
  public void delete(String path) throws IOException {
    delegate.delete(path);
  }
}
