package dev.berth.bench.registry;

import dev.berth.bench.http.RequestBody;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.SplittableRandom;

/**
 * Makes incompressible blob content from a seeded PRNG, so runs are repeatable and no server can win by
 * compressing or deduplicating. Blobs up to {@link #IN_MEMORY_LIMIT} stay in the heap; larger ones are written
 * to a file and sent from there. The digest is computed while generating, before any timing starts.
 */
public final class BlobFactory {
  public static final int IN_MEMORY_LIMIT = 256 * 1024;
  private static final int CHUNK = 1024 * 1024;

  private final Path directory;

  public BlobFactory(Path directory) {
    this.directory = directory;
  }

  /** The same (label, index, size) always yields the same bytes; different indexes yield unrelated bytes. */
  public Blob create(String label, int index, long size) throws IOException {
    long seed = ((long) label.hashCode() << 32) ^ (index * 0x9E3779B97F4A7C15L) ^ size;
    SplittableRandom random = new SplittableRandom(seed);
    if (size <= IN_MEMORY_LIMIT) {
      byte[] bytes = new byte[(int) size];
      fill(random, ByteBuffer.wrap(bytes));
      return Blob.of(bytes);
    }
    return createFile(random, directory.resolve(label + "-" + size + "-" + index + ".blob"), size);
  }

  private static Blob createFile(SplittableRandom random, Path file, long size) throws IOException {
    MessageDigest sha256 = Digests.newSha256();
    ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      for (long written = 0; written < size; ) {
        chunk.clear().limit((int) Math.min(CHUNK, size - written));
        fill(random, chunk);
        sha256.update(chunk.array(), 0, chunk.limit());
        while (chunk.hasRemaining()) {
          written += out.write(chunk);
        }
      }
    }
    return new Blob(Digests.format(sha256.digest()), size, new RequestBody.FileRegion(file, 0, size));
  }

  /** Fills the buffer's remaining bytes (leaving its position where it was); eight at a time where it can. */
  static void fill(SplittableRandom random, ByteBuffer buffer) {
    ByteBuffer view = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    while (view.remaining() >= Long.BYTES) {
      view.putLong(random.nextLong());
    }
    while (view.hasRemaining()) {
      view.put((byte) random.nextInt());
    }
  }

  public static void deleteQuietly(Blob blob) {
    if (blob.content() instanceof RequestBody.FileRegion file) {
      try {
        Files.deleteIfExists(file.path());
      } catch (IOException ignored) {
        // a leftover file in the run's temporary directory is removed with it
      }
    }
  }
}
