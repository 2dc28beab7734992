package dev.berth.registry.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.registry.testsupport.PushLedger;
import dev.berth.registry.testsupport.RegistryHttp;
import dev.berth.registry.testsupport.RegistryProcess;
import dev.berth.registry.testsupport.RegistryUnderTest;
import dev.berth.registry.testsupport.SeededBytes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL in the middle of many concurrent pushes, then a restart on the same storage: every push that got its
 * 201 reads back byte for byte, nothing half-written is visible or listed, and the upload sessions that were open
 * at the crash can be resumed or cancelled.
 */
class CrashRecoveryIT {
  private static final int WORKERS = 16;
  private static final int MANIFESTS_BEFORE_KILL = 48;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path temp;

  private static final PushLedger ledger = new PushLedger();
  private static Path storage;
  private static RegistryProcess restarted;
  private static RegistryHttp http;

  @BeforeAll
  static void pushConcurrentlyKillAndRestart() throws Exception {
    storage = temp.resolve("storage");
    RegistryProcess first = RegistryProcess.start(RegistryUnderTest.launcher(), storage, temp.resolve("first"));
    CountDownLatch manifests = new CountDownLatch(MANIFESTS_BEFORE_KILL);
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    RegistryHttp firstHttp = new RegistryHttp(first.baseUri());
    for (int id = 0; id < WORKERS; id++) {
      pool.execute(new CrashPushWorker(id, firstHttp, ledger, manifests, killed::get));
    }
    // The count, not the clock, decides when to kill; the wait limit only guards against a hung registry.
    boolean enoughPushes = manifests.await(5, TimeUnit.MINUTES);
    killed.set(true);
    first.kill();
    pool.shutdown();
    assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
    if (!enoughPushes) {
      fail("fewer than " + MANIFESTS_BEFORE_KILL + " manifests were pushed before the limit; failures: "
          + ledger.failuresBeforeCrash + "\n" + first.logTail());
    }

    restarted = RegistryProcess.start(RegistryUnderTest.launcher(), storage, temp.resolve("restarted"));
    http = new RegistryHttp(restarted.baseUri());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (restarted != null) {
      restarted.close();
    }
  }

  @Test
  void noPushFailedWhileTheRegistryWasUp() {
    assertThat(ledger.failuresBeforeCrash).isEmpty();
    assertThat(ledger.acknowledgedManifests).hasSizeGreaterThanOrEqualTo(MANIFESTS_BEFORE_KILL);
  }

  @Test
  void everyAcknowledgedBlobReadsBackByteForByte() throws Exception {
    assertThat(ledger.acknowledgedBlobs).isNotEmpty();
    for (PushLedger.Blob blob : ledger.acknowledgedBlobs.values()) {
      HttpResponse<byte[]> response = http.get("/v2/" + blob.repository() + "/blobs/" + blob.digest());
      assertThat(response.statusCode()).as("GET blob %s in %s", blob.digest(), blob.repository()).isEqualTo(200);
      assertThat(response.body()).as("blob %s", blob.digest()).isEqualTo(blob.content());
    }
  }

  @Test
  void everyAcknowledgedManifestReadsBackByteForByteByTagAndByDigest() throws Exception {
    for (PushLedger.Manifest manifest : ledger.acknowledgedManifests.values()) {
      for (String reference : List.of(manifest.tag(), manifest.digest())) {
        HttpResponse<byte[]> response = http.get("/v2/" + manifest.repository() + "/manifests/" + reference,
            "Accept", "application/vnd.oci.image.manifest.v1+json");
        assertThat(response.statusCode()).as("GET manifest %s in %s", reference, manifest.repository())
            .isEqualTo(200);
        assertThat(response.body()).isEqualTo(manifest.content());
        assertThat(response.headers().firstValue("Docker-Content-Digest")).hasValue(manifest.digest());
      }
    }
  }

  @Test
  void blobsWithoutAcknowledgementAreAbsentOrWhole() throws Exception {
    for (PushLedger.Blob blob : ledger.attemptedBlobs.values()) {
      if (ledger.acknowledgedBlobs.containsKey(PushLedger.key(blob.repository(), blob.digest()))) {
        continue;
      }
      HttpResponse<byte[]> response = http.get("/v2/" + blob.repository() + "/blobs/" + blob.digest());
      assertThat(response.statusCode()).as("unacknowledged blob %s", blob.digest()).isIn(200, 404);
      if (response.statusCode() == 200) {
        assertThat(response.body()).as("blob completed without its 201 reaching the client")
            .isEqualTo(blob.content());
      }
    }
  }

  @Test
  void everyBlobFileOnDiskMatchesItsDigest() throws Exception {
    Path blobs = storage.resolve("docker/registry/v2/blobs/sha256");
    List<Path> dataFiles;
    try (Stream<Path> files = Files.walk(blobs)) {
      // '~' names are a crashed write's staging area: no registry resolves a digest to them.
      dataFiles = files.filter(file -> file.getFileName().toString().equals("data"))
          .filter(file -> !blobs.relativize(file).toString().contains("~")).toList();
    }
    long distinctAcknowledged = ledger.acknowledgedBlobs.values().stream().map(PushLedger.Blob::digest).distinct()
        .count();
    assertThat(dataFiles).hasSizeGreaterThanOrEqualTo((int) distinctAcknowledged);
    for (Path data : dataFiles) {
      try (InputStream in = Files.newInputStream(data)) {
        assertThat(SeededBytes.digestOf(in).digest()).as("content of %s", data)
            .isEqualTo("sha256:" + data.getParent().getFileName());
      }
    }
  }

  @Test
  void onlyTagsWhosePushWasAttemptedAreListedAndEachResolves() throws Exception {
    Set<String> repositories = new TreeSet<>();
    ledger.attemptedManifests.values().forEach(manifest -> repositories.add(manifest.repository()));
    ledger.idleSessions.forEach(session -> repositories.add(session.repository()));
    List<String> catalog = strings(json(http.get("/v2/_catalog")).path("repositories"));
    assertThat(repositories).containsAll(catalog);

    for (String repository : repositories) {
      HttpResponse<byte[]> response = http.get("/v2/" + repository + "/tags/list");
      if (response.statusCode() == 404) {
        continue;
      }
      assertThat(response.statusCode()).isEqualTo(200);
      for (String tag : strings(JSON.readTree(response.body()).path("tags"))) {
        PushLedger.Manifest attempted = ledger.attemptedManifests.get(PushLedger.key(repository, tag));
        assertThat(attempted).as("listed tag %s:%s was never pushed", repository, tag).isNotNull();
        HttpResponse<byte[]> manifest = http.get("/v2/" + repository + "/manifests/" + tag,
            "Accept", "application/vnd.oci.image.manifest.v1+json");
        assertThat(manifest.statusCode()).as("listed tag %s:%s", repository, tag).isEqualTo(200);
        assertThat(manifest.body()).isEqualTo(attempted.content());
      }
    }
  }

  @Test
  void sessionsLeftOpenResumeFromTheirRangeAndComplete() throws Exception {
    List<PushLedger.OpenSession> toResume = idleSessionsOfLengthParity(1);
    assertThat(toResume).hasSize(WORKERS);
    for (PushLedger.OpenSession session : toResume) {
      URI location = rebase(session.location());
      HttpResponse<String> status = http.uploadStatus(location);
      assertThat(status.statusCode()).as("status of %s", location).isEqualTo(204);
      assertThat(status.headers().firstValue("Range")).hasValue("0-" + (session.acknowledgedBytes() - 1));
      resumeAndComplete(session, location, session.acknowledgedBytes());
    }
  }

  @Test
  void sessionsLeftOpenCanBeCancelled() throws Exception {
    List<PushLedger.OpenSession> toCancel = idleSessionsOfLengthParity(0);
    assertThat(toCancel).hasSize(WORKERS);
    for (PushLedger.OpenSession session : toCancel) {
      URI location = rebase(session.location());
      assertThat(http.cancelUpload(location).statusCode()).as("DELETE %s", location).isEqualTo(204);
      HttpResponse<String> after = http.uploadStatus(location);
      assertThat(after.statusCode()).isEqualTo(404);
      assertThat(after.body()).contains("BLOB_UPLOAD_UNKNOWN");
      assertThat(http.get("/v2/" + session.repository() + "/blobs/" + SeededBytes.digestOf(session.content()))
          .statusCode()).isEqualTo(404);
    }
  }

  /**
   * Chunked uploads cut off by the kill in the middle of a PATCH: the registry reports how much it kept, at least
   * what it acknowledged and at most what was sent, and the client continues from there.
   */
  @Test
  void sessionsCutOffMidPatchResumeFromTheRangeTheRegistryReports() throws Exception {
    for (PushLedger.OpenSession session : cutOff(false)) {
      URI location = rebase(session.location());
      HttpResponse<String> status = http.uploadStatus(location);
      assertThat(status.statusCode()).as("status of %s: %s", location, status.body()).isEqualTo(204);
      long kept = rangeEnd(status) + 1;
      assertThat(kept).as("bytes kept by %s", location).isBetween(session.acknowledgedBytes(), session.sentBytes());
      resumeAndComplete(session, rebase(http.location(status)), kept);
    }
  }

  /**
   * Chunked uploads cut off during their final PUT, which the registry may have carried out in part: the session is
   * gone and its blob whole, or the session still holds all its bytes, or (when the crash came after the bytes had
   * become the blob) it holds none; the client completes it from what the Range says.
   */
  @Test
  void sessionsCutOffMidCompletionAreDoneOrCanBeCompleted() throws Exception {
    for (PushLedger.OpenSession session : cutOff(true)) {
      URI location = rebase(session.location());
      HttpResponse<String> status = http.uploadStatus(location);
      if (status.statusCode() == 404) {
        HttpResponse<byte[]> blob = http.get("/v2/" + session.repository() + "/blobs/"
            + SeededBytes.digestOf(session.content()));
        assertThat(blob.statusCode()).as("session %s answered %s but its blob is not there", location,
            status.body()).isEqualTo(200);
        assertThat(blob.body()).isEqualTo(session.content());
        continue;
      }
      assertThat(status.statusCode()).as("status of %s: %s", location, status.body()).isEqualTo(204);
      long end = rangeEnd(status);
      assertThat(end).as("Range of %s", location).isIn(0L, session.content().length - 1L);
      long kept = end + 1 == session.content().length ? session.content().length : 0;
      resumeAndComplete(session, rebase(http.location(status)), kept);
    }
  }

  private static List<PushLedger.OpenSession> cutOff(boolean completing) {
    return ledger.cutOffSessions.stream().filter(session -> session.completing() == completing).toList();
  }

  private static long rangeEnd(HttpResponse<?> status) {
    String range = status.headers().firstValue("Range").orElseThrow(() -> new AssertionError("no Range header"));
    return Long.parseLong(range.substring(range.indexOf('-') + 1));
  }

  private void resumeAndComplete(PushLedger.OpenSession session, URI location, long from) throws Exception {
    byte[] content = session.content();
    if (from < content.length) {
      HttpResponse<String> patched = http.patch(location, Arrays.copyOfRange(content, (int) from, content.length),
          from);
      assertThat(patched.statusCode()).as("PATCH %s: %s", location, patched.body()).isEqualTo(202);
      location = rebase(http.location(patched));
    }
    String digest = SeededBytes.digestOf(content);
    HttpResponse<String> completed = http.complete(location, digest, new byte[0]);
    assertThat(completed.statusCode()).as("PUT %s: %s", location, completed.body()).isEqualTo(201);
    HttpResponse<byte[]> blob = http.get("/v2/" + session.repository() + "/blobs/" + digest);
    assertThat(blob.statusCode()).isEqualTo(200);
    assertThat(blob.body()).isEqualTo(content);
  }

  /** A location handed out before the restart, pointed at the restarted registry's port. */
  private static URI rebase(URI location) {
    String pathAndQuery = location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    return restarted.baseUri().resolve(pathAndQuery);
  }

  /** Each worker left two sessions open, of odd and even length: odd ones are resumed, even ones cancelled. */
  private static List<PushLedger.OpenSession> idleSessionsOfLengthParity(int parity) {
    return ledger.idleSessions.stream().filter(session -> session.content().length % 2 == parity).toList();
  }

  private static JsonNode json(HttpResponse<byte[]> response) throws IOException {
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asText()));
    return values;
  }
}
