package dev.berth.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemDriverTest extends StorageDriverContract {
  @TempDir
  Path temp;

  private Path root;

  @Override
  protected StorageDriver newDriver() throws IOException {
    root = temp.resolve("root");
    return new FilesystemDriver(root);
  }

  @Test
  void aRememberedListingFollowsChangesMadeBehindTheDriversBack() throws Exception {
    StorageDriver driver = newDriver();
    driver.putContent("/tags/a/link", new byte[] {1});
    Path tags = root.resolve("tags");
    java.nio.file.Files.setLastModifiedTime(tags,
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    assertThat(driver.list("/tags")).containsExactly("/tags/a");
    assertThat(driver.list("/tags")).as("remembered").containsExactly("/tags/a");

    // Another registry on the same volume adds a tag: the directory's time moves, so the listing is read again.
    java.nio.file.Files.createDirectories(tags.resolve("b"));
    java.nio.file.Files.write(tags.resolve("b").resolve("link"), new byte[] {2});

    assertThat(driver.list("/tags")).containsExactly("/tags/a", "/tags/b");
  }

  @Test
  void usesRegistry2LayoutOnDisk() throws IOException {
    String link = "/docker/registry/v2/repositories/library/alpine/_layers/sha256/abcd/link";

    driver.putContent(link, bytes("sha256:abcd"));

    Path onDisk = root.resolve("docker/registry/v2/repositories/library/alpine/_layers/sha256/abcd/link");
    assertThat(onDisk).hasContent("sha256:abcd");
  }

  @Test
  void servesFilesWrittenByAnotherProcess() throws IOException {
    Path data = root.resolve("docker/registry/v2/blobs/sha256/ab/abcd/data");
    Files.createDirectories(data.getParent());
    Files.writeString(data, "written by registry:2");

    assertThat(driver.getContent("/docker/registry/v2/blobs/sha256/ab/abcd/data"))
        .isEqualTo(bytes("written by registry:2"));
    assertThat(driver.list("/docker/registry/v2/blobs/sha256/ab")).containsExactly(
        "/docker/registry/v2/blobs/sha256/ab/abcd");
  }

  @Test
  void localFileIsTheRealFileForZeroCopySending() throws IOException {
    driver.putContent("/blobs/data", bytes("payload"));

    assertThat(driver.localFile("/blobs/data")).hasValueSatisfying(file -> assertThat(file).hasContent("payload"));
    assertThat(driver.localFile("/blobs")).isEmpty();
    assertThat(driver.localFile("/missing")).isEmpty();
    assertThat(driver.name()).isEqualTo("filesystem");
  }

  @Test
  void createsTheRootWhenItDoesNotExist() throws IOException {
    Path fresh = temp.resolve("not/yet/there");

    new FilesystemDriver(fresh).putContent("/x", bytes("y"));

    assertThat(fresh.resolve("x")).hasContent("y");
  }

  @Test
  void rootMayItselfBeASymlink() throws IOException {
    Path target = Files.createDirectories(temp.resolve("real-volume"));
    Path link = Files.createSymbolicLink(temp.resolve("volume-link"), target);

    new FilesystemDriver(link).putContent("/a/b", bytes("through the link"));

    assertThat(target.resolve("a/b")).hasContent("through the link");
  }

  @Test
  void symlinkPointingOutsideTheRootIsRefusedForEveryOperation() throws IOException {
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.writeString(outside.resolve("secret"), "do not touch");
    Files.createSymbolicLink(root.resolve("escape"), outside);

    assertThatThrownBy(() -> driver.getContent("/escape/secret")).isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> driver.reader("/escape/secret", 0)).isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> driver.putContent("/escape/secret", bytes("x")))
        .isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> driver.putContent("/escape/new/file", bytes("x")))
        .isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> driver.writer("/escape/secret", true)).isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> driver.stat("/escape/secret")).isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> driver.list("/escape")).isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> driver.delete("/escape/secret")).isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> driver.move("/escape/secret", "/stolen")).isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> driver.localFile("/escape/secret")).isInstanceOf(InvalidPathException.class);

    assertThat(outside.resolve("secret")).hasContent("do not touch");
    try (Stream<Path> files = Files.list(outside)) {
      assertThat(files).containsExactly(outside.resolve("secret"));
    }
  }

  @Test
  void danglingSymlinkIsNeverWrittenThrough() throws IOException {
    Path target = temp.resolve("would-be-created");
    Files.createSymbolicLink(root.resolve("dangling"), target);

    assertThatThrownBy(() -> driver.writer("/dangling", false)).isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> driver.putContent("/dangling", bytes("x"))).isInstanceOf(InvalidPathException.class);
    assertThat(target).doesNotExist();
  }

  @Test
  void symlinkStayingInsideTheRootIsFollowed() throws IOException {
    driver.putContent("/real/data", bytes("inside"));
    Files.createSymbolicLink(root.resolve("alias"), root.resolve("real"));

    assertThat(driver.getContent("/alias/data")).isEqualTo(bytes("inside"));
  }

  @Test
  void deletingADirectoryRemovesSymlinksButNotTheirTargets() throws IOException {
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.writeString(outside.resolve("keep"), "keep");
    driver.putContent("/dir/file", bytes("x"));
    Files.createSymbolicLink(root.resolve("dir/link"), outside);

    driver.delete("/dir");

    assertThat(root.resolve("dir")).doesNotExist();
    assertThat(outside.resolve("keep")).hasContent("keep");
  }

  @Test
  void emptyDirectoriesLeftByRegistry2CountAsAbsent() throws IOException {
    driver.putContent("/repo/_layers/sha256/aa/link", bytes("x"));
    Files.createDirectories(root.resolve("repo/_uploads/abandoned"));

    assertThat(driver.list("/repo")).containsExactly("/repo/_layers", "/repo/_uploads");
    assertThatThrownBy(() -> driver.list("/repo/_uploads/abandoned")).isInstanceOf(PathNotFoundException.class);
    assertThatThrownBy(() -> driver.stat("/repo/_uploads/abandoned")).isInstanceOf(PathNotFoundException.class);
    assertThatThrownBy(() -> driver.delete("/repo/_uploads")).isInstanceOf(PathNotFoundException.class);
    assertThat(root.resolve("repo/_uploads")).doesNotExist();
    assertThat(driver.list("/repo")).containsExactly("/repo/_layers");
  }

  @Test
  void temporariesOfAnInterruptedPutAreNeverListed() throws IOException {
    driver.putContent("/tags/v1/current/link", bytes("sha256:1"));
    Files.writeString(root.resolve("tags/v1/current/link.tmp~crashed"), "half");
    Files.createDirectories(root.resolve("tags/v2/current"));
    Files.writeString(root.resolve("tags/v2/current/link.tmp~crashed"), "half");

    assertThat(driver.list("/tags/v1/current")).containsExactly("/tags/v1/current/link");
    assertThatThrownBy(() -> driver.list("/tags/v2/current")).isInstanceOf(PathNotFoundException.class);
    assertThat(driver.getContent("/tags/v1/current/link")).isEqualTo(bytes("sha256:1"));
  }

  @Test
  void leftoversOfACrashWhileCreatingOrDeletingDirectoriesAreNeverListed() throws IOException {
    driver.putContent("/repo/_manifests/tags/v1/current/link", bytes("sha256:1"));
    Path tags = root.resolve("repo/_manifests/tags");
    Files.createDirectories(tags.resolve("~staging-0011223344556677/current"));
    Files.writeString(tags.resolve("~staging-0011223344556677/current/link"), "sha256:2");
    Files.createDirectories(tags.resolve("~deleting-8899aabbccddeeff/current"));
    Files.writeString(tags.resolve("~deleting-8899aabbccddeeff/current/link"), "sha256:3");

    assertThat(driver.list("/repo/_manifests/tags")).containsExactly("/repo/_manifests/tags/v1");
  }

  @Test
  void aLargeObjectWrittenBackInTheBackgroundCommitsWholeOrCancelsCleanly() throws IOException {
    byte[] megabyte = new byte[1024 * 1024];
    new java.util.Random(3).nextBytes(megabyte);
    int megabytes = (int) (3 * FilesystemWriter.WRITE_BACK_BYTES / megabyte.length) + 1;
    try (FileWriter writer = driver.writer("/up/committed", false)) {
      for (int i = 0; i < megabytes; i++) {
        writer.write(ByteBuffer.wrap(megabyte));
      }
      writer.commit();
    }
    try (FileWriter writer = driver.writer("/up/cancelled", false)) {
      for (int i = 0; i < megabytes; i++) {
        writer.write(ByteBuffer.wrap(megabyte));
      }
      writer.cancel();
    }

    assertThat(Files.size(root.resolve("up/committed"))).isEqualTo((long) megabytes * megabyte.length);
    try (java.io.InputStream in = Files.newInputStream(root.resolve("up/committed"))) {
      for (int i = 0; i < megabytes; i++) {
        assertThat(in.readNBytes(megabyte.length)).isEqualTo(megabyte);
      }
    }
    assertThat(root.resolve("up/cancelled")).doesNotExist();
  }

  @Test
  void newDirectoriesAppearTogetherWithTheirFileAndLeaveNoStagingBehind() throws IOException {
    driver.putContent("/repo/_manifests/tags/v1/current/link", bytes("sha256:1"));
    driver.move("/repo/_manifests/tags/v1/current/link", "/blobs/sha256/ab/abcd/data");
    try (FileWriter writer = driver.writer("/repo/_uploads/id/data", false)) {
      writer.write(ByteBuffer.wrap(bytes("x")));
    }
    driver.delete("/repo/_uploads/id");

    try (Stream<Path> everything = Files.walk(root)) {
      assertThat(everything.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains("~"));
    }
    assertThat(root.resolve("blobs/sha256/ab/abcd/data")).hasContent("sha256:1");
    assertThat(root.resolve("repo")).doesNotExist();
  }

  @Test
  void putContentLeavesNoTemporaryBehind() throws IOException {
    driver.putContent("/dir/link", bytes("one"));
    driver.putContent("/dir/link", bytes("two"));

    try (Stream<Path> files = Files.list(root.resolve("dir"))) {
      assertThat(files).containsExactly(root.resolve("dir/link"));
    }
  }

  @Test
  void writerWritesInPlaceSoAnAppendAfterARestartResumes() throws IOException {
    try (FileWriter writer = driver.writer("/up/data", false)) {
      writer.write(ByteBuffer.wrap(bytes("before crash")));
    }

    StorageDriver restarted = new FilesystemDriver(root);
    try (FileWriter writer = restarted.writer("/up/data", true)) {
      assertThat(writer.size()).isEqualTo(12);
      writer.write(ByteBuffer.wrap(bytes(", after")));
      writer.commit();
    }

    assertThat(root.resolve("up/data")).hasContent("before crash, after");
  }

  @Test
  void parentThatIsAFileMakesChildrenAbsent() throws IOException {
    driver.putContent("/file", bytes("x"));

    assertThatThrownBy(() -> driver.getContent("/file/child")).isInstanceOf(PathNotFoundException.class);
    assertThatThrownBy(() -> driver.stat("/file/child")).isInstanceOf(PathNotFoundException.class);
    assertThatThrownBy(() -> driver.list("/file/child")).isInstanceOf(PathNotFoundException.class);
    assertThatThrownBy(() -> driver.delete("/file/child")).isInstanceOf(PathNotFoundException.class);
  }
}
