package dev.berth.bench;

import dev.berth.bench.registry.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * The machine's own limits, measured in this JVM: how fast one core hashes SHA-256 (no push can verify its
 * digest faster) and how fast bytes cross a loopback socket pair (no pull over loopback can be faster).
 */
final class References {
  private static final int BUFFER = 1024 * 1024;
  private static final double MIB = 1024.0 * 1024.0;

  private References() {
  }

  static double sha256MibPerSecond(Duration time) {
    byte[] data = new byte[BUFFER];
    new SplittableRandom(42).nextBytes(data);
    MessageDigest sha256 = Digests.newSha256();
    for (int i = 0; i < 64; i++) {
      sha256.update(data);
    }
    long hashed = 0;
    long begin = System.nanoTime();
    long end = begin + time.toNanos();
    while (System.nanoTime() < end) {
      sha256.update(data);
      hashed += data.length;
    }
    sha256.digest();
    return hashed / MIB * 1e9 / (System.nanoTime() - begin);
  }

  /** One thread writes a direct buffer into a loopback socket; this thread reads it the way pulls are read. */
  static double loopbackMibPerSecond(Duration time) throws IOException, InterruptedException {
    try (ServerSocketChannel server = ServerSocketChannel.open()) {
      server.bind(new InetSocketAddress("127.0.0.1", 0));
      Thread writer = new Thread(() -> writeUntilClosed(server), "loopback-writer");
      writer.setDaemon(true);
      writer.start();
      try (SocketChannel reader = SocketChannel.open(server.getLocalAddress())) {
        InputStream in = reader.socket().getInputStream();
        byte[] buffer = new byte[256 * 1024];
        long read = 0;
        long begin = System.nanoTime();
        long end = begin + time.toNanos();
        while (System.nanoTime() < end) {
          int n = in.read(buffer);
          if (n < 0) {
            throw new IOException("loopback writer stopped early");
          }
          read += n;
        }
        double result = read / MIB * 1e9 / (System.nanoTime() - begin);
        reader.close();
        writer.join(5000);
        return result;
      }
    }
  }

  private static void writeUntilClosed(ServerSocketChannel server) {
    try (SocketChannel out = server.accept()) {
      ByteBuffer data = ByteBuffer.allocateDirect(BUFFER);
      while (true) {
        data.clear();
        out.write(data);
      }
    } catch (IOException closedByReader) {
      // the reader closing its end is how the measurement stops
    }
  }
}
