package dev.berth.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Sizes, concurrencies and time boxes of a run. {@link #full()} is the benchmark (under 10 minutes on 2 cores);
 * {@link #smoke()} is the same rows with tiny sizes and a few requests each, for the test suite.
 *
 * @param requestRowTime time box per server for a request-rate row (split over its two phases)
 * @param blobRowByteCap most payload bytes one server moves in one blob row; with the time box it bounds pushes
 * @param largestBlobPhases alternating phases per server for rows of the largest blob (fewer: each phase must give
 *     every worker at least one whole transfer)
 */
public record Plan(String name, List<Long> blobSizes, long chunkSize, List<Integer> concurrencies,
    Duration requestRowTime, int requestRowMaxOps, Duration blobRowTime, long blobRowByteCap, int tags,
    int repositories, int imageLayers, long imageLayerSize, int imageRoundsPerServer, int phasesPerServer,
    int largestBlobPhases, Duration warmUp, Duration referenceTime) {

  public Plan {
    for (int phases : List.of(phasesPerServer, largestBlobPhases)) {
      if (phases < 2 || phases % 2 != 0) {
        throw new IllegalArgumentException("phases per server must be even and at least 2: " + phases);
      }
    }
  }

  private static final long KIB = 1024;
  private static final long MIB = 1024 * KIB;
  private static final long GIB = 1024 * MIB;

  public static Plan full() {
    return new Plan("full", List.of(MIB, 10 * MIB, 100 * MIB), 5 * MIB, List.of(1, 4, 16),
        Duration.ofSeconds(3), 30_000, Duration.ofSeconds(3), GIB, 1000, 1000, 3, 4 * MIB, 8, 8, 4,
        Duration.ofMillis(300), Duration.ofSeconds(2));
  }

  public static Plan smoke() {
    return new Plan("smoke", List.of(4 * KIB, 40 * KIB, 300 * KIB), 64 * KIB, List.of(1, 4, 16),
        Duration.ofMillis(150), 48, Duration.ofMillis(150), 4 * MIB, 12, 12, 3, 8 * KIB, 2, 2, 2,
        Duration.ofMillis(30), Duration.ofMillis(100));
  }

  public long largestBlob() {
    return blobSizes.get(blobSizes.size() - 1);
  }

  /** Pushes of the largest size stop at concurrency 4: 16 × 100 MiB in flight measures the disk, not the server. */
  public List<Integer> pushConcurrencies(long size) {
    return size == largestBlob() ? concurrencies.stream().filter(c -> c <= 4).toList() : concurrencies;
  }

  public String describe() {
    return String.format(Locale.ROOT, "%s: blobs %s, %s chunks, concurrency %s, %.1f s per server per request row, "
        + "%.1f s per server per blob row (at most %s per row), %d tags, %d repositories, image of %d × %s layers "
        + "pushed %d times per server, %d alternating phases per server per row (%d for the largest blobs)", name, blobSizes.stream().map(Plan::size).toList(), size(chunkSize),
        concurrencies, requestRowTime.toMillis() / 1000.0, blobRowTime.toMillis() / 1000.0, size(blobRowByteCap), tags,
        repositories, imageLayers, size(imageLayerSize), imageRoundsPerServer, phasesPerServer, largestBlobPhases);
  }

  public static String size(long bytes) {
    if (bytes >= MIB && bytes % MIB == 0) {
      return bytes / MIB + " MiB";
    }
    if (bytes >= KIB && bytes % KIB == 0) {
      return bytes / KIB + " KiB";
    }
    return bytes + " B";
  }
}
