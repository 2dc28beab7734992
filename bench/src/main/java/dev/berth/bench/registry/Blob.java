package dev.berth.bench.registry;

import dev.berth.bench.http.RequestBody;

/** Content to push, with its digest computed before any timing starts. */
public record Blob(String digest, long size, RequestBody content) {

  public static Blob of(byte[] bytes) {
    return new Blob(Digests.sha256(bytes), bytes.length, new RequestBody.Bytes(bytes));
  }

  /** The bytes from {@code offset} to {@code offset + length}, for one PATCH of a chunked upload. */
  public RequestBody slice(long offset, long length) {
    if (offset < 0 || length < 0 || offset + length > size) {
      throw new IllegalArgumentException("slice " + offset + "+" + length + " outside a blob of " + size);
    }
    if (content instanceof RequestBody.FileRegion file) {
      return new RequestBody.FileRegion(file.path(), file.offset() + offset, length);
    }
    byte[] all = ((RequestBody.Bytes) content).bytes();
    return new RequestBody.Bytes(java.util.Arrays.copyOfRange(all, (int) offset, (int) (offset + length)));
  }
}
