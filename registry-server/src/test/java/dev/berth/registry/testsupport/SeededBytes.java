package dev.berth.registry.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Reproducible pseudo-random content from a seed: fast enough to make a gigabyte in a second or two, and
 * incompressible, so nothing along the way can shortcut it. Not for anything secret.
 */
public final class SeededBytes {
  private static final int CHUNK = 1 << 20;

  private SeededBytes() {
  }

  public static byte[] of(long seed, int size) {
    byte[] content = new byte[size];
    fill(new SplittableRandom(seed), ByteBuffer.wrap(content));
    return content;
  }

  /** Writes {@code size} seeded bytes to a file and returns their {@code sha256:} digest. */
  public static String writeFile(Path file, long seed, long size) throws IOException {
    MessageDigest sha256 = sha256();
    SplittableRandom random = new SplittableRandom(seed);
    ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK);
    byte[] hashChunk = new byte[CHUNK];
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      for (long remaining = size; remaining > 0; ) {
        int length = (int) Math.min(CHUNK, remaining);
        buffer.clear().limit(length);
        fill(random, buffer);
        buffer.flip();
        buffer.get(hashChunk, 0, length).flip();
        sha256.update(hashChunk, 0, length);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        remaining -= length;
      }
    }
    return "sha256:" + HexFormat.of().formatHex(sha256.digest());
  }

  public static String digestOf(byte[] content) {
    return "sha256:" + HexFormat.of().formatHex(sha256().digest(content));
  }

  /** Digest of a stream read to its end in small pieces, never holding it in memory; also counts the bytes. */
  public static DigestAndSize digestOf(InputStream in) throws IOException {
    MessageDigest sha256 = sha256();
    byte[] buffer = new byte[CHUNK];
    long size = 0;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      sha256.update(buffer, 0, n);
      size += n;
    }
    return new DigestAndSize("sha256:" + HexFormat.of().formatHex(sha256.digest()), size);
  }

  public record DigestAndSize(String digest, long size) {
  }

  private static void fill(SplittableRandom random, ByteBuffer buffer) {
    ByteBuffer ordered = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    while (ordered.remaining() >= Long.BYTES) {
      ordered.putLong(random.nextLong());
    }
    while (ordered.hasRemaining()) {
      ordered.put((byte) random.nextInt());
    }
    buffer.position(ordered.position());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
