package dev.berth.registry.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link StorageDriver} must have. Each driver's test extends this class and supplies a
 * fresh, empty driver.
 *
 * <p>Visibility contract, precisely: {@code putContent} and {@code move} are atomic (a reader of the path sees
 * the whole old object, the whole new one, or nothing). A {@link FileWriter}'s bytes are readable at the
 * writer's own path once it is committed or closed; while it is open, what its own path shows is unspecified.
 * The upload layer therefore writes to {@code _uploads/<id>/data} and {@code move}s the verified result to the
 * blob path, so readers of a blob path never see partial data. A directory exists exactly while an object
 * lives beneath it.
 */
abstract class StorageDriverContract {
  protected StorageDriver driver;

  /** A new driver with nothing stored. */
  protected abstract StorageDriver newDriver() throws IOException;

  @BeforeEach
  void createDriver() throws IOException {
    driver = newDriver();
  }

  // --- putContent / getContent ---------------------------------------------------------------------------

  @Test
  void putContentThenGetContentReturnsTheSameBytes() throws IOException {
    driver.putContent("/docker/registry/v2/a/link", bytes("sha256:abc"));

    assertThat(driver.getContent("/docker/registry/v2/a/link")).isEqualTo(bytes("sha256:abc"));
  }

  @Test
  void putContentReplacesTheWholeObject() throws IOException {
    driver.putContent("/a/b", bytes("a much longer first version"));
    driver.putContent("/a/b", bytes("short"));

    assertThat(driver.getContent("/a/b")).isEqualTo(bytes("short"));
  }

  @Test
  void putContentStoresEmptyObjects() throws IOException {
    driver.putContent("/a/empty", new byte[0]);

    assertThat(driver.getContent("/a/empty")).isEmpty();
    assertThat(driver.stat("/a/empty").size()).isZero();
  }

  @Test
  void putContentIsNotAffectedByLaterChangesToTheCallersArray() throws IOException {
    byte[] content = bytes("original");
    driver.putContent("/a", content);
    content[0] = 'X';

    assertThat(driver.getContent("/a")).isEqualTo(bytes("original"));
  }

  @Test
  void getContentOfAMissingPathIsPathNotFound() {
    assertThatThrownBy(() -> driver.getContent("/nothing/here")).isInstanceOf(PathNotFoundException.class);
  }

  @Test
  void getContentOfADirectoryIsPathNotFound() throws IOException {
    driver.putContent("/dir/file", bytes("x"));

    assertThatThrownBy(() -> driver.getContent("/dir")).isInstanceOf(PathNotFoundException.class);
  }

  @Test
  void concurrentPutContentOfOnePathNeverShowsAMixOfVersions() throws Exception {
    int size = 256 * 1024;
    driver.putContent("/race/link", filled(size, (byte) 0));
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 1; w <= 4; w++) {
        byte fill = (byte) w;
        writers.add(pool.submit(() -> putRepeatedly("/race/link", filled(size, fill), 40)));
      }
      List<Future<Integer>> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        readers.add(pool.submit(() -> readUntilStopped("/race/link", size, writing)));
      }
      for (Future<?> writer : writers) {
        writer.get(2, TimeUnit.MINUTES);
      }
      writing.set(false);
      for (Future<Integer> reader : readers) {
        assertThat(reader.get(2, TimeUnit.MINUTES)).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentPutsAndDeletesUnderOneParentNeverLoseAPut() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String path = "/shared/parent/dir" + t + "/link";
        tasks.add(pool.submit((Callable<Void>) () -> {
          for (int i = 0; i < 200; i++) {
            driver.putContent(path, bytes("v" + i));
            assertThat(driver.getContent(path)).isEqualTo(bytes("v" + i));
            driver.delete(path);
          }
          driver.putContent(path, bytes("final"));
          return null;
        }));
      }
      for (Future<?> task : tasks) {
        task.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(driver.list("/shared/parent")).containsExactly(
        "/shared/parent/dir0", "/shared/parent/dir1", "/shared/parent/dir2", "/shared/parent/dir3");
  }

  @Test
  void concurrentPutsCreatingTheSameNewDirectoriesAllSucceed() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 20; round++) {
        String parent = "/new/round" + round + "/tags/shared/current";
        List<Future<?>> puts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          String path = parent + "/link" + t;
          puts.add(pool.submit((Callable<Void>) () -> {
            driver.putContent(path, bytes(path));
            return null;
          }));
        }
        for (Future<?> put : puts) {
          put.get(2, TimeUnit.MINUTES);
        }
        assertThat(driver.list(parent)).hasSize(threads);
        assertThat(driver.list("/new/round" + round)).containsExactly("/new/round" + round + "/tags");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentMovesIntoTheSameNewDirectoryAllSucceed() throws Exception {
    int threads = 8;
    for (int t = 0; t < threads; t++) {
      driver.putContent("/uploads/" + t + "/data", bytes("blob " + t));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> moves = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int n = t;
        moves.add(pool.submit((Callable<Void>) () -> {
          driver.move("/uploads/" + n + "/data", "/blobs/sha256/ab/abcd/data" + n);
          return null;
        }));
      }
      for (Future<?> move : moves) {
        move.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(driver.list("/blobs/sha256/ab/abcd")).hasSize(threads);
    assertThatThrownBy(() -> driver.list("/uploads")).isInstanceOf(PathNotFoundException.class);
  }

  // --- reader --------------------------------------------------------------------------------------------

  @Test
  void readerStreamsFromTheGivenOffset() throws IOException {
    driver.putContent("/blob", bytes("0123456789"));

    assertThat(readAll("/blob", 0)).isEqualTo(bytes("0123456789"));
    assertThat(readAll("/blob", 4)).isEqualTo(bytes("456789"));
    assertThat(readAll("/blob", 10)).isEmpty();
    assertThat(readAll("/blob", 1000)).isEmpty();
  }

  @Test
  void readerOfAMissingPathIsPathNotFound() {
    assertThatThrownBy(() -> driver.reader("/missing", 0)).isInstanceOf(PathNotFoundException.class);
  }

  @Test
  void readerOfADirectoryIsPathNotFound() throws IOException {
    driver.putContent("/dir/file", bytes("x"));

    assertThatThrownBy(() -> driver.reader("/dir", 0)).isInstanceOf(PathNotFoundException.class);
  }

  // --- writer --------------------------------------------------------------------------------------------

  @Test
  void committedWriterContentIsReadable() throws IOException {
    try (FileWriter writer = driver.writer("/up/data", false)) {
      writer.write(ByteBuffer.wrap(bytes("hello ")));
      writer.write(ByteBuffer.wrap(bytes("world")));
      assertThat(writer.size()).isEqualTo(11);
      writer.commit();
    }

    assertThat(driver.getContent("/up/data")).isEqualTo(bytes("hello world"));
    assertThat(driver.stat("/up/data").size()).isEqualTo(11);
  }

  @Test
  void closedWriterKeepsItsBytesForAnAppendingWriter() throws IOException {
    try (FileWriter first = driver.writer("/up/data", false)) {
      first.write(ByteBuffer.wrap(bytes("part one,")));
    }
    try (FileWriter resumed = driver.writer("/up/data", true)) {
      assertThat(resumed.size()).isEqualTo(9);
      resumed.write(ByteBuffer.wrap(bytes(" part two")));
      assertThat(resumed.size()).isEqualTo(18);
      resumed.commit();
    }

    assertThat(driver.getContent("/up/data")).isEqualTo(bytes("part one, part two"));
  }

  @Test
  void closedWriterBytesAreVisibleOnlyAtItsOwnPath() throws IOException {
    try (FileWriter writer = driver.writer("/repo/_uploads/id/data", false)) {
      writer.write(ByteBuffer.wrap(bytes("partial")));
    }

    assertThat(driver.getContent("/repo/_uploads/id/data")).isEqualTo(bytes("partial"));
    assertThatThrownBy(() -> driver.stat("/blobs/sha256/ab/abcd/data")).isInstanceOf(PathNotFoundException.class);
  }

  @Test
  void uploadWrittenAndMovedAppearsWholeAtTheBlobPathAndNowhereElse() throws IOException {
    String upload = "/repo/_uploads/id/data";
    String blob = "/blobs/sha256/ab/abcd/data";
    try (FileWriter writer = driver.writer(upload, false)) {
      writer.write(ByteBuffer.wrap(bytes("first half ")));
      assertThatThrownBy(() -> driver.getContent(blob)).isInstanceOf(PathNotFoundException.class);
      writer.write(ByteBuffer.wrap(bytes("second half")));
      writer.commit();
    }
    assertThatThrownBy(() -> driver.getContent(blob)).isInstanceOf(PathNotFoundException.class);

    driver.move(upload, blob);

    assertThat(driver.getContent(blob)).isEqualTo(bytes("first half second half"));
    assertThatThrownBy(() -> driver.getContent(upload)).isInstanceOf(PathNotFoundException.class);
  }

  @Test
  void writerWithoutAppendStartsEmptyOverAnExistingObject() throws IOException {
    driver.putContent("/up/data", bytes("old content that is long"));
    try (FileWriter writer = driver.writer("/up/data", false)) {
      assertThat(writer.size()).isZero();
      writer.write(ByteBuffer.wrap(bytes("new")));
      writer.commit();
    }

    assertThat(driver.getContent("/up/data")).isEqualTo(bytes("new"));
  }

  @Test
  void appendingWriterOnAMissingPathStartsEmpty() throws IOException {
    try (FileWriter writer = driver.writer("/up/fresh", true)) {
      assertThat(writer.size()).isZero();
      writer.write(ByteBuffer.wrap(bytes("abc")));
      writer.commit();
    }

    assertThat(driver.getContent("/up/fresh")).isEqualTo(bytes("abc"));
  }

  @Test
  void cancelledWriterLeavesNothingBehind() throws IOException {
    try (FileWriter writer = driver.writer("/up/id/data", false)) {
      writer.write(ByteBuffer.wrap(bytes("discard me")));
      writer.cancel();
    }

    assertThatThrownBy(() -> driver.getContent("/up/id/data")).isInstanceOf(PathNotFoundException.class);
    assertThatThrownBy(() -> driver.list("/up")).isInstanceOf(PathNotFoundException.class);
  }

  @Test
  void cancelAfterCloseDiscardsTheKeptBytes() throws IOException {
    FileWriter first = driver.writer("/up/data", false);
    first.write(ByteBuffer.wrap(bytes("kept")));
    first.close();
    FileWriter resumed = driver.writer("/up/data", true);
    resumed.cancel();
    resumed.close();

    assertThatThrownBy(() -> driver.getContent("/up/data")).isInstanceOf(PathNotFoundException.class);
  }

  @Test
  void writingAfterCommitFails() throws IOException {
    try (FileWriter writer = driver.writer("/up/data", false)) {
      writer.write(ByteBuffer.wrap(bytes("done")));
      writer.commit();
      assertThatThrownBy(() -> writer.write(ByteBuffer.wrap(bytes("more")))).isInstanceOf(IOException.class);
    }

    assertThat(driver.getContent("/up/data")).isEqualTo(bytes("done"));
  }

  @Test
  void writerWritesLargeBuffersCompletely() throws IOException {
    byte[] big = filled(3 * 1024 * 1024 + 17, (byte) 7);
    try (FileWriter writer = driver.writer("/up/big", false)) {
      ByteBuffer buffer = ByteBuffer.wrap(big);
      writer.write(buffer);
      assertThat(buffer.hasRemaining()).isFalse();
      writer.commit();
    }

    assertThat(driver.getContent("/up/big")).isEqualTo(big);
  }

  // --- stat ----------------------------------------------------------------------------------------------

  @Test
  void statOfAnObjectGivesItsSize() throws IOException {
    driver.putContent("/a/b/c", bytes("12345"));

    FileInfo info = driver.stat("/a/b/c");

    assertThat(info.path()).isEqualTo("/a/b/c");
    assertThat(info.size()).isEqualTo(5);
    assertThat(info.directory()).isFalse();
    assertThat(info.modTime()).isNotNull();
  }

  @Test
  void statOfAPrefixWithChildrenIsADirectory() throws IOException {
    driver.putContent("/a/b/c", bytes("12345"));

    assertThat(driver.stat("/a/b").directory()).isTrue();
    assertThat(driver.stat("/a").directory()).isTrue();
  }

  @Test
  void statOfAMissingPathIsPathNotFound() throws IOException {
    driver.putContent("/a/bc", bytes("x"));

    assertThatThrownBy(() -> driver.stat("/a/b")).isInstanceOf(PathNotFoundException.class);
    assertThatThrownBy(() -> driver.stat("/zzz")).isInstanceOf(PathNotFoundException.class);
  }

  // --- list ----------------------------------------------------------------------------------------------

  @Test
  void listGivesDirectChildrenAsFullSortedPaths() throws IOException {
    driver.putContent("/r/tags/v2/current/link", bytes("x"));
    driver.putContent("/r/tags/v10/current/link", bytes("x"));
    driver.putContent("/r/tags/a-file", bytes("x"));
    driver.putContent("/r/tagsafter", bytes("x"));

    assertThat(driver.list("/r/tags")).containsExactly("/r/tags/a-file", "/r/tags/v10", "/r/tags/v2");
  }

  @Test
  void listOfTheRootGivesTopLevelEntries() throws IOException {
    driver.putContent("/docker/registry/v2/x", bytes("x"));
    driver.putContent("/other", bytes("x"));

    assertThat(driver.list("/")).containsExactly("/docker", "/other");
  }

  @Test
  void listOfAMissingDirectoryIsPathNotFound() {
    assertThatThrownBy(() -> driver.list("/no/such/dir")).isInstanceOf(PathNotFoundException.class);
  }

  @Test
  void listOfAnObjectIsPathNotFound() throws IOException {
    driver.putContent("/a/file", bytes("x"));

    assertThatThrownBy(() -> driver.list("/a/file")).isInstanceOf(PathNotFoundException.class);
  }

  // --- move ----------------------------------------------------------------------------------------------

  @Test
  void moveRelocatesTheObjectCreatingParents() throws IOException {
    driver.putContent("/src/data", bytes("payload"));

    driver.move("/src/data", "/deep/new/parent/data");

    assertThat(driver.getContent("/deep/new/parent/data")).isEqualTo(bytes("payload"));
    assertThatThrownBy(() -> driver.getContent("/src/data")).isInstanceOf(PathNotFoundException.class);
    assertThatThrownBy(() -> driver.list("/src")).isInstanceOf(PathNotFoundException.class);
  }

  @Test
  void moveReplacesAnExistingDestination() throws IOException {
    driver.putContent("/src", bytes("new"));
    driver.putContent("/dest", bytes("old and longer"));

    driver.move("/src", "/dest");

    assertThat(driver.getContent("/dest")).isEqualTo(bytes("new"));
  }

  @Test
  void moveOfAMissingSourceIsPathNotFoundAndKeepsTheDestination() throws IOException {
    driver.putContent("/dest", bytes("kept"));

    assertThatThrownBy(() -> driver.move("/missing", "/dest")).isInstanceOf(PathNotFoundException.class);
    assertThat(driver.getContent("/dest")).isEqualTo(bytes("kept"));
  }

  // --- delete --------------------------------------------------------------------------------------------

  @Test
  void deleteRemovesAnObject() throws IOException {
    driver.putContent("/a/one", bytes("1"));
    driver.putContent("/a/two", bytes("2"));

    driver.delete("/a/one");

    assertThat(driver.list("/a")).containsExactly("/a/two");
  }

  @Test
  void deleteRemovesADirectoryRecursivelyAndNothingElse() throws IOException {
    driver.putContent("/r/_uploads/id/data", bytes("1"));
    driver.putContent("/r/_uploads/id/startedat", bytes("2"));
    driver.putContent("/r/_uploads/id/sub/more", bytes("3"));
    driver.putContent("/r/_uploads/idle/data", bytes("4"));

    driver.delete("/r/_uploads/id");

    assertThat(driver.list("/r/_uploads")).containsExactly("/r/_uploads/idle");
    assertThatThrownBy(() -> driver.stat("/r/_uploads/id")).isInstanceOf(PathNotFoundException.class);
  }

  @Test
  void deleteOfAMissingPathIsPathNotFound() {
    assertThatThrownBy(() -> driver.delete("/missing")).isInstanceOf(PathNotFoundException.class);
  }

  @Test
  void directoriesDisappearWithTheirLastObject() throws IOException {
    driver.putContent("/keep", bytes("k"));
    driver.putContent("/a/b/c/link", bytes("x"));

    driver.delete("/a/b/c/link");

    assertThatThrownBy(() -> driver.list("/a/b/c")).isInstanceOf(PathNotFoundException.class);
    assertThatThrownBy(() -> driver.list("/a/b")).isInstanceOf(PathNotFoundException.class);
    assertThatThrownBy(() -> driver.stat("/a")).isInstanceOf(PathNotFoundException.class);
    assertThatThrownBy(() -> driver.delete("/a")).isInstanceOf(PathNotFoundException.class);
    assertThat(driver.list("/")).containsExactly("/keep");
  }

  @Test
  void deleteOfTheRootRemovesEverything() throws IOException {
    driver.putContent("/a/b", bytes("x"));
    driver.putContent("/c", bytes("y"));

    driver.delete("/");

    assertThatThrownBy(() -> driver.list("/")).isInstanceOf(PathNotFoundException.class);
    driver.putContent("/again", bytes("z"));
    assertThat(driver.list("/")).containsExactly("/again");
  }

  // --- invalid paths -------------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"", "relative/path", "/a/../b", "/..", "/a/..", "/a/./b", "/.", "//a", "/a//b", "/a/",
      "\\a", "/a\\b", "/a\\..\\..\\etc", "/caf\u00e9", "/\u2215etc", "/a b", "/a%2Fb", "/a\u0000b", "/a\nb",
      "/a/*", "/a?b"})
  void everyOperationRejectsInvalidPathsBeforeAnyIo(String invalid) throws IOException {
    driver.putContent("/valid", bytes("x"));

    assertThatThrownBy(() -> driver.getContent(invalid)).isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> driver.putContent(invalid, bytes("x"))).isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> driver.reader(invalid, 0)).isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> driver.writer(invalid, false)).isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> driver.writer(invalid, true)).isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> driver.stat(invalid)).isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> driver.list(invalid)).isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> driver.move(invalid, "/valid2")).isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> driver.move("/valid", invalid)).isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> driver.delete(invalid)).isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> driver.localFile(invalid)).isInstanceOf(InvalidPathException.class);
    assertThat(driver.getContent("/valid")).isEqualTo(bytes("x"));
    assertThat(driver.list("/")).containsExactly("/valid");
  }

  @Test
  void nullPathIsInvalid() {
    assertThatThrownBy(() -> driver.getContent(null)).isInstanceOf(InvalidPathException.class);
  }

  @Test
  void segmentsMayUseEveryAllowedCharacter() throws IOException {
    String path = "/AZaz09._:-/sha256:0123/_uploads/.hidden";
    driver.putContent(path, bytes("x"));

    assertThat(driver.getContent(path)).isEqualTo(bytes("x"));
    assertThat(driver.list("/AZaz09._:-/sha256:0123/_uploads")).containsExactly(path);
  }

  // --- helpers -------------------------------------------------------------------------------------------

  protected static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  protected byte[] readAll(String path, long offset) throws IOException {
    try (InputStream in = driver.reader(path, offset)) {
      return in.readAllBytes();
    }
  }

  private static byte[] filled(int size, byte value) {
    byte[] content = new byte[size];
    Arrays.fill(content, value);
    return content;
  }

  private Void putRepeatedly(String path, byte[] content, int times) throws IOException {
    for (int i = 0; i < times; i++) {
      driver.putContent(path, content);
    }
    return null;
  }

  /** Reads until the writers stop, failing on any torn read; returns how many reads were checked. */
  private int readUntilStopped(String path, int size, AtomicBoolean writing) throws IOException {
    int reads = 0;
    do {
      byte[] seen = driver.getContent(path);
      assertThat(seen).hasSize(size);
      for (byte b : seen) {
        if (b != seen[0]) {
          throw new AssertionError("torn read: found bytes of two versions in one object");
        }
      }
      reads++;
    } while (writing.get());
    return reads;
  }
}
