package dev.berth.registry.storage;

import java.util.regex.Pattern;

/** Validation and arithmetic on driver paths, shared by every driver. */
public final class StoragePaths {
  private static final Pattern VALID = Pattern.compile("(/[A-Za-z0-9._:-]+)+|/");

  private StoragePaths() {
  }

  /** Returns the path when it is absolute and made of safe segments; throws {@link InvalidPathException}. */
  public static String check(String path) {
    if (path == null || !VALID.matcher(path).matches()) {
      throw new InvalidPathException(path);
    }
    for (String segment : path.split("/")) {
      if (segment.equals(".") || segment.equals("..")) {
        throw new InvalidPathException(path);
      }
    }
    return path;
  }

  /** The path of a directory's children prefix: "/a/b" gives "/a/b/", "/" stays "/". */
  public static String asPrefix(String directory) {
    return directory.endsWith("/") ? directory : directory + "/";
  }
}
