package dev.berth.registry.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Maps driver paths onto a local directory and guarantees the result stays inside it, also when a component on
 * disk is a symbolic link pointing elsewhere (planted by hand, or by another tool sharing the volume).
 */
final class RootedPaths {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._:-]+");

  private final Path realRoot;

  RootedPaths(Path root) {
    try {
      Files.createDirectories(root);
      this.realRoot = root.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use storage root " + root + ": " + e.getMessage(), e);
    }
  }

  Path root() {
    return realRoot;
  }

  /** The local file for a driver path, after {@link StoragePaths#check} and a symlink-escape check. */
  Path resolve(String driverPath) {
    String checked = StoragePaths.check(driverPath);
    Path local = checked.equals("/") ? realRoot : realRoot.resolve(checked.substring(1));
    verifyInsideRoot(local, driverPath);
    return local;
  }

  /**
   * True for names that may appear in a driver path. Anything else in a directory (temporary files of an
   * interrupted {@code putContent}, which carry a '~') is invisible to callers.
   */
  static boolean isVisibleName(String name) {
    return SEGMENT.matcher(name).matches() && !name.equals(".") && !name.equals("..");
  }

  /**
   * Follows the deepest existing ancestor (or the file itself) through any symlinks and rejects the path when
   * the real location is outside the root. A dangling symlink is rejected too: writing through it would create
   * its target, wherever that is. An ancestor that a concurrent delete removes between the two steps is not an
   * error: the walk starts again from the path.
   */
  private void verifyInsideRoot(Path local, String driverPath) {
    for (int attempt = 0; attempt < 16; attempt++) {
      Path existing = deepestExisting(local);
      if (existing == null) {
        break;
      }
      try {
        if (existing.toRealPath().startsWith(realRoot)) {
          return;
        }
        break;
      } catch (NoSuchFileException e) {
        if (Files.isSymbolicLink(existing)) {
          break;
        }
      } catch (IOException unreadable) {
        break;
      }
    }
    throw new InvalidPathException(driverPath);
  }

  private static Path deepestExisting(Path local) {
    Path existing = local;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    return existing;
  }
}
