package dev.berth.registry.interop;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.registry.testsupport.PushLedger;
import dev.berth.registry.testsupport.RegistryHttp;
import dev.berth.registry.testsupport.SeededBytes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

/**
 * One of the concurrent pushers of {@link CrashRecoveryIT}: leaves two upload sessions open on purpose, then
 * pushes images (config and layers, alternately monolithic and chunked, then a manifest under a fresh tag) until
 * the registry dies under it. Everything it tries and everything acknowledged goes into the ledger.
 */
final class CrashPushWorker implements Runnable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

  private final int id;
  private final RegistryHttp http;
  private final PushLedger ledger;
  private final CountDownLatch manifestsBeforeKill;
  private final BooleanSupplier killed;
  private final String repository;
  private final SplittableRandom random;
  private PushLedger.OpenSession inFlight;

  CrashPushWorker(int id, RegistryHttp http, PushLedger ledger, CountDownLatch manifestsBeforeKill,
                  BooleanSupplier killed) {
    this.id = id;
    this.http = http;
    this.ledger = ledger;
    this.manifestsBeforeKill = manifestsBeforeKill;
    this.killed = killed;
    this.repository = "crash/worker-" + id;
    this.random = new SplittableRandom(id);
  }

  @Override
  public void run() {
    try {
      leaveSessionOpen(1);
      leaveSessionOpen(2);
      for (int image = 0; ; image++) {
        pushImage(image);
      }
    } catch (IOException | AssertionError | RuntimeException e) {
      if (killed.getAsBoolean()) {
        if (inFlight != null && inFlight.acknowledgedBytes() > 0) {
          ledger.cutOffSessions.add(inFlight);
        }
      } else {
        ledger.failuresBeforeCrash.add(e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Starts a session, sends the first half of a blob, and never finishes it; the length parity tells n apart. */
  private void leaveSessionOpen(int n) throws IOException, InterruptedException {
    byte[] content = SeededBytes.of(seed(-n), 64 * 1024 + n);
    URI location = http.startUpload(repository);
    int half = content.length / 2;
    HttpResponse<String> response = http.patch(location, Arrays.copyOf(content, half), 0);
    RegistryHttp.expect(response, 202);
    ledger.idleSessions.add(new PushLedger.OpenSession(repository, http.location(response), content, half, half,
        false));
  }

  private void pushImage(int image) throws IOException, InterruptedException {
    byte[] config = JSON.writeValueAsBytes(Map.of("architecture", "amd64", "os", "linux",
        "config", Map.of("Labels", Map.of("worker", id, "image", image))));
    Map<String, Object> configDescriptor = pushBlob(config, "application/vnd.oci.image.config.v1+json", image);
    List<Map<String, Object>> layers = List.of(
        pushBlob(SeededBytes.of(seed(image * 2), size()), "application/vnd.oci.image.layer.v1.tar", image),
        pushBlob(SeededBytes.of(seed(image * 2 + 1), size()), "application/vnd.oci.image.layer.v1.tar", image + 1));

    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", OCI_MANIFEST);
    manifest.put("config", configDescriptor);
    manifest.put("layers", layers);
    byte[] bytes = JSON.writeValueAsBytes(manifest);
    String tag = "image-" + image;
    PushLedger.Manifest record = new PushLedger.Manifest(repository, tag, SeededBytes.digestOf(bytes), bytes);
    ledger.attemptedManifests.put(PushLedger.key(repository, tag), record);
    HttpResponse<String> response = http.putManifest(repository, tag, OCI_MANIFEST, bytes);
    RegistryHttp.expect(response, 201);
    ledger.acknowledgedManifests.put(PushLedger.key(repository, tag), record);
    manifestsBeforeKill.countDown();
  }

  /** Odd-numbered pushes are chunked, even ones monolithic, so both are in flight when the kill comes. */
  private Map<String, Object> pushBlob(byte[] content, String mediaType, int n)
      throws IOException, InterruptedException {
    String digest = SeededBytes.digestOf(content);
    PushLedger.Blob blob = new PushLedger.Blob(repository, digest, content);
    ledger.attemptedBlobs.put(PushLedger.key(repository, digest), blob);
    HttpResponse<String> response = n % 2 == 0
        ? http.pushMonolithic(repository, content)
        : pushChunkedTrackingProgress(content, digest);
    RegistryHttp.expect(response, 201);
    ledger.acknowledgedBlobs.put(PushLedger.key(repository, digest), blob);
    Map<String, Object> descriptor = new LinkedHashMap<>();
    descriptor.put("mediaType", mediaType);
    descriptor.put("digest", digest);
    descriptor.put("size", content.length);
    return descriptor;
  }

  private HttpResponse<String> pushChunkedTrackingProgress(byte[] content, String digest)
      throws IOException, InterruptedException {
    int chunkSize = 16 * 1024 + random.nextInt(48 * 1024);
    URI location = http.startUpload(repository);
    inFlight = new PushLedger.OpenSession(repository, location, content, 0, 0, false);
    for (int offset = 0; offset < content.length; offset += chunkSize) {
      int end = Math.min(content.length, offset + chunkSize);
      inFlight = new PushLedger.OpenSession(repository, location, content, offset, end, false);
      HttpResponse<String> response = http.patch(location, Arrays.copyOfRange(content, offset, end), offset);
      RegistryHttp.expect(response, 202);
      location = http.location(response);
      inFlight = new PushLedger.OpenSession(repository, location, content, end, end, false);
    }
    inFlight = new PushLedger.OpenSession(repository, location, content, content.length, content.length, true);
    HttpResponse<String> completed = http.complete(location, digest, new byte[0]);
    inFlight = null;
    return completed;
  }

  private int size() {
    return 8 * 1024 + random.nextInt(376 * 1024);
  }

  private long seed(int n) {
    return id * 1_000_003L + n;
  }
}
