package dev.berth.registry.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A test driver that passes every call to another one; subclasses override only the calls they watch or break.
 * Local files are not passed on, so that whoever reads goes through the calls a subclass can see.
 */
abstract class ForwardingDriver implements StorageDriver {
  protected final StorageDriver delegate;

  protected ForwardingDriver(StorageDriver delegate) {
    this.delegate = delegate;
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
