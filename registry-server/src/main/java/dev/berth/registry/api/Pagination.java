package dev.berth.registry.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code n}/{@code last} pagination of tag and catalog listings. {@code last} is applied by the caller (it
 * filters to entries after it); this class cuts the page and builds the RFC 5988 {@code Link} to the next one.
 *
 * @param limit the page size: {@code n}, else the endpoint's default (null for "everything")
 * @param last  the entry after which the page starts, or null
 */
public record Pagination(Integer limit, String last) {

  /** A page of entries and the entry the next page starts after (null when this is the last page). */
  public record Page<T>(List<T> entries, T nextAfter) {
  }

  /**
   * Reads {@code n} and {@code last}. A missing {@code n} gives {@code defaultLimit}; one above {@code maxLimit}
   * is lowered to it (the Link header then leads on); a non-number is PAGINATION_NUMBER_INVALID.
   */
  public static Pagination parse(String n, String last, Integer defaultLimit, Integer maxLimit) {
    Integer limit = defaultLimit;
    if (n != null && !n.isEmpty()) {
      if (!n.matches("[0-9]{1,9}")) {
        throw new RegistryException(ErrorCode.PAGINATION_NUMBER_INVALID, n,
            "n must be a non-negative integer, got " + (n.length() > 40 ? n.substring(0, 40) + "…" : n));
      }
      limit = Integer.parseInt(n);
    }
    if (limit != null && maxLimit != null && limit > maxLimit) {
      limit = maxLimit;
    }
    return new Pagination(limit, last == null || last.isEmpty() ? null : last);
  }

  /** Cuts the page from entries already sorted and already past {@code last}. {@code n=0} gives no entries. */
  public <T> Page<T> page(List<T> sortedAfterLast) {
    if (limit == null || sortedAfterLast.size() <= limit) {
      return new Page<>(sortedAfterLast, null);
    }
    if (limit == 0) {
      return new Page<>(List.of(), null);
    }
    return new Page<>(sortedAfterLast.subList(0, limit), sortedAfterLast.get(limit - 1));
  }

  /** {@code <path?n=..&last=..>; rel="next"} for the page after {@code nextAfter}. */
  public <T> String nextLink(String path, T nextAfter, Function<T, String> name) {
    return "<" + path + "?n=" + limit + "&last=" + URLEncoder.encode(name.apply(nextAfter), StandardCharsets.UTF_8)
        + ">; rel=\"next\"";
  }
}
