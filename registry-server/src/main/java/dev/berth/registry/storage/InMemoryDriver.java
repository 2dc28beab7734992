package dev.berth.registry.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Keeps everything in a sorted map, for tests and throwaway registries ({@code storage: inmemory}). Writers
 * buffer privately and publish on commit or close, so it honours the same visibility rules as the other drivers.
 */
public final class InMemoryDriver implements StorageDriver {
  private record Entry(byte[] content, Instant modTime) {
  }

  private final ConcurrentSkipListMap<String, Entry> objects = new ConcurrentSkipListMap<>();

  @Override
  public String name() {
    return "inmemory";
  }

  @Override
  public byte[] getContent(String path) throws IOException {
    return entry(path).content().clone();
  }

  @Override
  public void putContent(String path, byte[] content) {
    objects.put(StoragePaths.check(path), new Entry(content.clone(), Instant.now()));
  }

  @Override
  public InputStream reader(String path, long offset) throws IOException {
    byte[] content = entry(path).content();
    int start = (int) Math.min(Math.max(offset, 0), content.length);
    return new ByteArrayInputStream(content, start, content.length - start);
  }

  @Override
  public FileWriter writer(String path, boolean append) throws IOException {
    String checked = StoragePaths.check(path);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    Entry existing = objects.get(checked);
    if (append && existing != null) {
      buffer.writeBytes(existing.content());
    }
    return new FileWriter() {
      private boolean done;

      @Override
      public synchronized void write(ByteBuffer bytes) throws IOException {
        if (done) {
          throw new IOException("writer is already committed, cancelled or closed");
        }
        Channels.newChannel(buffer).write(bytes);
      }

      @Override
      public synchronized long size() {
        return buffer.size();
      }

      @Override
      public synchronized void commit() throws IOException {
        if (done) {
          throw new IOException("writer is already committed, cancelled or closed");
        }
        publish();
      }

      @Override
      public synchronized void cancel() {
        done = true;
        objects.remove(checked);
      }

      @Override
      public synchronized void close() {
        publish();
      }

      private void publish() {
        if (!done) {
          objects.put(checked, new Entry(buffer.toByteArray(), Instant.now()));
          done = true;
        }
      }
    };
  }

  @Override
  public FileInfo stat(String path) throws IOException {
    String checked = StoragePaths.check(path);
    Entry entry = objects.get(checked);
    if (entry != null) {
      return new FileInfo(checked, entry.content().length, entry.modTime(), false);
    }
    Map.Entry<String, Entry> child = children(checked).firstEntry();
    if (child == null) {
      throw new PathNotFoundException(path);
    }
    return new FileInfo(checked, 0, child.getValue().modTime(), true);
  }

  @Override
  public List<String> list(String path) throws IOException {
    String prefix = StoragePaths.asPrefix(StoragePaths.check(path));
    TreeSet<String> names = new TreeSet<>();
    for (String key : children(path).keySet()) {
      int slash = key.indexOf('/', prefix.length());
      names.add(slash < 0 ? key : key.substring(0, slash));
    }
    if (names.isEmpty()) {
      throw new PathNotFoundException(path);
    }
    return new ArrayList<>(names);
  }

  @Override
  public void move(String sourcePath, String destPath) throws IOException {
    String dest = StoragePaths.check(destPath);
    Entry entry = objects.remove(StoragePaths.check(sourcePath));
    if (entry == null) {
      throw new PathNotFoundException(sourcePath);
    }
    objects.put(dest, entry);
  }

  @Override
  public void delete(String path) throws IOException {
    String checked = StoragePaths.check(path);
    boolean found = objects.remove(checked) != null;
    NavigableMap<String, Entry> children = children(checked);
    found |= !children.isEmpty();
    children.clear();
    if (!found) {
      throw new PathNotFoundException(path);
    }
  }

  /** Never a local file, but the path is still validated like every other call. */
  @Override
  public Optional<Path> localFile(String path) {
    StoragePaths.check(path);
    return Optional.empty();
  }

  private Entry entry(String path) throws PathNotFoundException {
    Entry entry = objects.get(StoragePaths.check(path));
    if (entry == null) {
      throw new PathNotFoundException(path);
    }
    return entry;
  }

  private NavigableMap<String, Entry> children(String directory) {
    String prefix = StoragePaths.asPrefix(directory);
    // '/' + 1 == '0': every key under the prefix sorts before prefix-with-its-slash-bumped.
    String end = prefix.substring(0, prefix.length() - 1) + (char) ('/' + 1);
    return objects.subMap(prefix, true, end, false);
  }
}
