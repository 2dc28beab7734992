package dev.berth.registry.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** An in-memory driver whose n-th {@code putContent} fails, as a crash at that point would leave storage. */
final class FailingWritesDriver implements StorageDriver {
  private final InMemoryDriver delegate = new InMemoryDriver();
  private final int failingWrite;
  private int writes;

  FailingWritesDriver(int failingWrite) {
    this.failingWrite = failingWrite;
  }

  @Override
  public String name() {
    return "failing";
  }

  @Override
  public byte[] getContent(String path) throws IOException {
    return delegate.getContent(path);
  }

  @Override
  public void putContent(String path, byte[] content) throws IOException {
    if (++writes == failingWrite) {
      throw new IOException("simulated crash before writing " + path);
    }
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
