package dev.berth.registry.testing;

import dev.berth.registry.testsupport.SeededBytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every path under a storage root (directories too) with the digest of each file, to show nothing changed. */
public final class StorageSnapshot {
  private StorageSnapshot() {
  }

  public static Map<String, String> of(Path root) throws IOException {
    Map<String, String> snapshot = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        String key = root.relativize(path).toString();
        if (Files.isRegularFile(path)) {
          try (var in = Files.newInputStream(path)) {
            snapshot.put(key, SeededBytes.digestOf(in).digest());
          }
        } else {
          snapshot.put(key + "/", "directory");
        }
      }
    }
    return snapshot;
  }
}
