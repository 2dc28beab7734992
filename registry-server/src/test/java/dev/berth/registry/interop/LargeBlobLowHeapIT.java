package dev.berth.registry.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.testsupport.RegistryHttp;
import dev.berth.registry.testsupport.RegistryProcess;
import dev.berth.registry.testsupport.RegistryUnderTest;
import dev.berth.registry.testsupport.SeededBytes;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1 GiB blob goes in and comes out of a server whose heap is limited to 128 MiB, which is only possible when
 * uploads and downloads are streamed. Each test pushes a different blob (its own seed) so that every push really
 * stores its bytes, and the test side never holds more than a buffer either: content comes from files on disk and
 * pulled bytes are hashed as they arrive.
 */
class LargeBlobLowHeapIT {
  private static final long GIB = 1L << 30;

  @TempDir
  static Path temp;

  private static RegistryProcess registry;
  private static RegistryHttp http;
  private Path blobFile;

  @BeforeAll
  static void startWithSmallHeap() throws Exception {
    registry = RegistryProcess.start(RegistryUnderTest.launcher("-Xmx128m"), temp.resolve("storage"),
        temp.resolve("server"));
    http = new RegistryHttp(registry.baseUri());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (registry != null) {
      registry.close();
    }
  }

  @AfterEach
  void removeBlobFile() throws Exception {
    if (blobFile != null) {
      Files.deleteIfExists(blobFile);
    }
  }

  @Test
  void monolithicPushAndPullOfOneGibibyte() throws Exception {
    String digest = newBlob(101);
    URI location = http.startUpload("large/monolithic");

    HttpResponse<String> pushed = http.completeFromFile(location, digest, blobFile);

    RegistryHttp.expect(pushed, 201);
    assertPullsBack("large/monolithic", digest);
  }

  @Test
  void chunkedPushWithContentRangeAndPullOfOneGibibyte() throws Exception {
    String digest = newBlob(202);
    URI location = http.startUpload("large/chunked");
    long chunk = 256L << 20;
    for (long offset = 0; offset < GIB; offset += chunk) {
      HttpResponse<String> patched = http.patchFromFile(location, blobFile, offset, Math.min(chunk, GIB - offset));
      RegistryHttp.expect(patched, 202);
      location = http.location(patched);
    }

    RegistryHttp.expect(http.complete(location, digest, new byte[0]), 201);
    assertPullsBack("large/chunked", digest);
  }

  @Test
  void streamedPatchPushAndPullOfOneGibibyte() throws Exception {
    String digest = newBlob(303);
    URI location = http.startUpload("large/streamed");

    HttpResponse<String> patched = http.patchStreamed(location, blobFile);
    RegistryHttp.expect(patched, 202);

    RegistryHttp.expect(http.complete(http.location(patched), digest, new byte[0]), 201);
    assertPullsBack("large/streamed", digest);
  }

  private String newBlob(long seed) throws Exception {
    blobFile = temp.resolve("blob-" + seed);
    return SeededBytes.writeFile(blobFile, seed, GIB);
  }

  private void assertPullsBack(String repository, String digest) throws Exception {
    HttpResponse<SeededBytes.DigestAndSize> pulled = http.pullBlobDigest(repository, digest);
    assertThat(pulled.statusCode()).isEqualTo(200);
    assertThat(pulled.body().size()).isEqualTo(GIB);
    assertThat(pulled.body().digest()).isEqualTo(digest);
    assertThat(pulled.headers().firstValue("Docker-Content-Digest")).hasValue(digest);
    assertThat(registry.isAlive()).as("registry still running").isTrue();
    assertThat(Files.readString(registry.logFile())).doesNotContain("OutOfMemoryError");
  }
}
