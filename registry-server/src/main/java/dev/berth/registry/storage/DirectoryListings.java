package dev.berth.registry.storage;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers directory listings so that tags lists and catalog walks do not read the same directories again on
 * every request. A listing is valid while its directory is the same inode with the same modification time: adding,
 * removing or renaming a child (by Berth, registry:2 or anyone else on the volume) changes the time.
 *
 * <p>File times are coarse (a kernel tick), so two changes in one tick share a time. A listing is therefore
 * remembered only when it was read well after its directory's last change; a change in the same tick as that one
 * has then already happened and is in the listing (the racy-timestamp rule that git uses for its index).
 */
final class DirectoryListings {
  /** Far above any local filesystem's timestamp tick. */
  static final long SETTLED_MILLIS = 1_000;
  private static final int MAX_ENTRIES = 16_384;

  private record Listing(Object fileKey, FileTime modified, List<String> children) {
  }

  private final Map<String, Listing> listings = new ConcurrentHashMap<>();

  /** The remembered children of a directory whose attributes are these, if still valid. */
  Optional<List<String>> get(String path, BasicFileAttributes attributes) {
    Listing listing = listings.get(path);
    if (listing == null || !listing.modified().equals(attributes.lastModifiedTime())
        || !Objects.equals(listing.fileKey(), attributes.fileKey())) {
      return Optional.empty();
    }
    return Optional.of(listing.children());
  }

  /**
   * Remembers children read after the directory had these attributes, at {@code readStartMillis}, unless the
   * directory changed too recently for its time to tell a later change apart.
   */
  void put(String path, BasicFileAttributes attributes, List<String> children, long readStartMillis) {
    if (attributes.fileKey() == null
        || readStartMillis - attributes.lastModifiedTime().toMillis() < SETTLED_MILLIS) {
      return;
    }
    if (listings.size() >= MAX_ENTRIES) {
      listings.clear();
    }
    listings.put(path, new Listing(attributes.fileKey(), attributes.lastModifiedTime(), List.copyOf(children)));
  }
}
