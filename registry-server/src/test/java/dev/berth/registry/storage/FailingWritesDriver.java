package dev.berth.registry.storage;

import java.io.IOException;

/** An in-memory driver whose n-th {@code putContent} fails, as a crash at that point would leave storage. */
final class FailingWritesDriver extends ForwardingDriver {
  private final int failingWrite;
  private int writes;

  FailingWritesDriver(int failingWrite) {
    super(new InMemoryDriver());
    this.failingWrite = failingWrite;
  }

  @Override
  public String name() {
    return "failing";
  }

  @Override
  public void putContent(String path, byte[] content) throws IOException {
    if (++writes == failingWrite) {
      throw new IOException("simulated crash before writing " + path);
    }
    delegate.putContent(path, content);
  }
}
