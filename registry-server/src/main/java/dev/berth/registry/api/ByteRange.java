package dev.berth.registry.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a blob a {@code GET} asks for with {@code Range: bytes=a-b}, {@code bytes=a-} or
 * {@code bytes=-n} (RFC 9110). Several ranges, or a unit other than bytes, are ignored and the whole blob is
 * sent, which the RFC allows; a range that starts past the end is unsatisfiable (416).
 */
record ByteRange(long start, long end) {
  private static final Pattern SINGLE = Pattern.compile("bytes=([0-9]{0,18})-([0-9]{0,18})");

  /** The satisfiable sub-range of a blob of the given size; null to send all of it. */
  static ByteRange parse(String header, long size) {
    if (header == null) {
      return null;
    }
    Matcher matcher = SINGLE.matcher(header.trim());
    if (!matcher.matches()) {
      return null;
    }
    String first = matcher.group(1);
    String last = matcher.group(2);
    if (first.isEmpty() && last.isEmpty()) {
      return null;
    }
    if (first.isEmpty()) {
      long suffix = Long.parseLong(last);
      if (suffix == 0 || size == 0) {
        throw unsatisfiable(header, size);
      }
      return new ByteRange(Math.max(0, size - suffix), size - 1);
    }
    long start = Long.parseLong(first);
    long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
    if (!last.isEmpty() && Long.parseLong(last) < start) {
      return null;
    }
    if (start >= size) {
      throw unsatisfiable(header, size);
    }
    return new ByteRange(start, end);
  }

  long length() {
    return end - start + 1;
  }

  String contentRange(long size) {
    return "bytes " + start + "-" + end + "/" + size;
  }

  /** Thrown for a range that selects no byte of the blob; carries the size for {@code Content-Range: bytes *}. */
  static final class UnsatisfiableException extends RegistryException {
    private final long size;

    UnsatisfiableException(String header, long size) {
      super(ErrorCode.RANGE_INVALID, header, "requested range not satisfiable: " + header, 416);
      this.size = size;
    }

    long size() {
      return size;
    }
  }

  private static UnsatisfiableException unsatisfiable(String header, long size) {
    return new UnsatisfiableException(header, size);
  }
}
