package dev.berth.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryListingsTest {
  private static final long NOW = 1_800_000_000_000L;
  private final DirectoryListings listings = new DirectoryListings();

  @Test
  void aListingReadWellAfterTheLastChangeIsRememberedWhileTheDirectoryIsUnchanged() {
    BasicFileAttributes settled = attributes("inode-1", NOW - 5_000);

    listings.put("/d", settled, List.of("/d/a"), NOW);

    assertThat(listings.get("/d", attributes("inode-1", NOW - 5_000))).contains(List.of("/d/a"));
  }

  @Test
  void aListingReadInTheTickOfTheLastChangeIsNotRemembered() {
    listings.put("/d", attributes("inode-1", NOW - 10), List.of("/d/a"), NOW);

    assertThat(listings.get("/d", attributes("inode-1", NOW - 10))).isEmpty();
  }

  @Test
  void aNewModificationTimeOrAnotherInodeMissesTheRememberedListing() {
    listings.put("/d", attributes("inode-1", NOW - 5_000), List.of("/d/a"), NOW);

    assertThat(listings.get("/d", attributes("inode-1", NOW - 4_000))).isEmpty();
    assertThat(listings.get("/d", attributes("inode-2", NOW - 5_000))).isEmpty();
  }

  private static BasicFileAttributes attributes(Object fileKey, long modifiedMillis) {
    FileTime modified = FileTime.fromMillis(modifiedMillis);
    return new BasicFileAttributes() {
      @Override public FileTime lastModifiedTime() { return modified; }
      @Override public FileTime lastAccessTime() { return modified; }
      @Override public FileTime creationTime() { return modified; }
      @Override public boolean isRegularFile() { return false; }
      @Override public boolean isDirectory() { return true; }
      @Override public boolean isSymbolicLink() { return false; }
      @Override public boolean isOther() { return false; }
      @Override public long size() { return 0; }
      @Override public Object fileKey() { return fileKey; }
    };
  }
}
