package dev.berth.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.bench.registry.Blob;
import dev.berth.bench.registry.BlobFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadTest {
  @TempDir
  Path directory;

  @Test
  void fullPlanHasEveryOperationOfTheIssueAtItsConcurrencies() {
    Plan plan = Plan.full();
    Map<String, List<Integer>> rows = new Workload(plan).rows(emptyFixtures(plan)).stream()
        .collect(Collectors.groupingBy(RowSpec::label, java.util.LinkedHashMap::new,
            Collectors.mapping(RowSpec::concurrency, Collectors.toList())));
    assertThat(rows).containsEntry("catalog, 1000 repositories (all pages)", List.of(1, 4, 16))
        .containsEntry("tags list, 1000 tags (all pages)", List.of(1, 4, 16))
        .containsEntry("manifest GET by tag", List.of(1, 4, 16))
        .containsEntry("manifest GET by digest", List.of(1, 4, 16))
        .containsEntry("manifest HEAD by tag", List.of(1, 4, 16))
        .containsEntry("blob HEAD", List.of(1, 4, 16))
        .containsEntry("manifest PUT (new tag, new manifest)", List.of(1, 4, 16))
        .containsEntry("blob pull (GET) 1 MiB", List.of(1, 4, 16))
        .containsEntry("blob pull (GET) 100 MiB", List.of(1, 4, 16))
        .containsEntry("blob push, monolithic 10 MiB", List.of(1, 4, 16))
        .containsEntry("blob push, monolithic 100 MiB", List.of(1, 4))
        .containsEntry("blob push, chunked 100 MiB (5 MiB PATCHes)", List.of(1, 4))
        .containsEntry("same image pushed by 16 clients at once (3 × 4 MiB layers)", List.of(16));
  }

  @Test
  void generatedContentCoversEveryTicketARowCanTake() throws IOException {
    Plan plan = Plan.smoke();
    Workload workload = new Workload(plan);
    Fixtures fixtures = Fixtures.generate(plan, workload.needs(), new BlobFactory(directory));
    for (long size : plan.blobSizes()) {
      for (int c : plan.pushConcurrencies(size)) {
        int warmUp = size == plan.largestBlob() ? 0 : c;
        assertThat(fixtures.pushPools().get(size)).hasSizeGreaterThanOrEqualTo(
            warmUp + workload.blobBudget(size, c).maxOps());
      }
    }
    int manifests = plan.concurrencies().stream().mapToInt(c -> c + workload.requestBudget(c).maxOps()).sum();
    assertThat(fixtures.putManifests()).hasSize(manifests);
    assertThat(fixtures.images()).hasSize(2 * workload.imageRoundsPerPhase());
    assertThat(fixtures.pushPools().get(plan.largestBlob()).stream().map(b -> b.digest()).distinct())
        .hasSameSizeAs(fixtures.pushPools().get(plan.largestBlob()));
  }

  @Test
  void fullPlanTimeBoxesLeaveRoomForTheRestOfTenMinutes() {
    Plan plan = Plan.full();
    List<RowSpec> rows = new Workload(plan).rows(emptyFixtures(plan));
    Duration boxes = Duration.ZERO;
    for (RowSpec row : rows) {
      Duration perServer = row.unit() == dev.berth.bench.report.Unit.REQUESTS_PER_SECOND
          ? plan.requestRowTime() : plan.blobRowTime();
      boxes = boxes.plus(perServer.multipliedBy(2));
      if (row.warmUp()) {
        boxes = boxes.plus(plan.warmUp().multipliedBy(2));
      }
    }
    assertThat(boxes).isLessThan(Duration.ofMinutes(5));
  }

  /** Stand-in content: enough to build the rows, which are listed here but never run. */
  private static Fixtures emptyFixtures(Plan plan) {
    Blob blob = Blob.of(new byte[] {1});
    Map<Long, Blob> pulls = plan.blobSizes().stream().collect(Collectors.toMap(size -> size, size -> blob));
    return new Fixtures(Image.of(blob, List.of(), 0), pulls, Map.of(), List.of(), List.of());
  }
}
