package dev.berth.registry.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Content-Range} of an upload chunk. The distribution specification defines it as
 * {@code <start>-<end>}, both inclusive byte offsets into the whole blob; anything else is refused with 416
 * RANGE_INVALID, as distribution does for a range it cannot accept.
 */
record ContentRange(long start, long end) {
  private static final Pattern FORM = Pattern.compile("([0-9]{1,18})-([0-9]{1,18})");

  ContentRange {
    if (start > end) {
      throw invalid(start + "-" + end, "range end is before its start");
    }
  }

  /** Parses the header value; null when the header is absent. */
  static ContentRange parse(String header) {
    if (header == null) {
      return null;
    }
    Matcher matcher = FORM.matcher(header.trim());
    if (!matcher.matches()) {
      throw invalid(header, "Content-Range must be <start>-<end>");
    }
    return new ContentRange(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
  }

  long length() {
    return end - start + 1;
  }

  private static RegistryException invalid(String header, String message) {
    return new RegistryException(ErrorCode.RANGE_INVALID, header, "invalid Content-Range " + header + ": " + message);
  }
}
