package dev.berth.registry.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The digest of every regular file under a directory, keyed by relative path, for byte-for-byte comparisons. */
public final class DirectoryContents {
  private DirectoryContents() {
  }

  public static Map<String, String> digests(Path dir) throws IOException {
    Map<String, String> digests = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        try (var in = Files.newInputStream(file)) {
          digests.put(dir.relativize(file).toString(), SeededBytes.digestOf(in).digest());
        }
      }
    }
    return digests;
  }
}
