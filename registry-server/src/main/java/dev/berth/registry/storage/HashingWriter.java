package dev.berth.registry.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;

/**
 * A {@link FileWriter} that feeds every byte it stores to a hasher, so an upload's digest is known the moment
 * its last byte arrives. A byte is hashed only after the driver accepted it; when a write fails the two may
 * disagree, which {@link #consistent()} reports so the caller can rebuild the hash from storage.
 */
final class HashingWriter implements FileWriter {
  private final FileWriter delegate;
  private final MessageDigest hasher;
  private long hashed;
  private boolean failed;

  HashingWriter(FileWriter delegate, MessageDigest hasher, long alreadyHashed) {
    this.delegate = delegate;
    this.hasher = hasher;
    this.hashed = alreadyHashed;
  }

  @Override
  public void write(ByteBuffer buffer) throws IOException {
    ByteBuffer forHash = buffer.duplicate();
    try {
      delegate.write(buffer);
    } catch (IOException | RuntimeException e) {
      failed = true;
      throw e;
    }
    hashed += forHash.remaining();
    hasher.update(forHash);
  }

  @Override
  public long size() {
    return delegate.size();
  }

  /** True while the hasher has seen exactly the bytes the object holds. */
  boolean consistent() {
    return !failed && hashed == delegate.size();
  }

  long hashedSize() {
    return hashed;
  }

  @Override
  public void commit() throws IOException {
    delegate.commit();
  }

  @Override
  public void cancel() throws IOException {
    failed = true;
    delegate.cancel();
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }
}
