package dev.berth.bench.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.bench.http.RequestBody;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobFactoryTest {
  @TempDir
  Path directory;

  @Test
  void sameLabelIndexAndSizeGiveTheSameBlobAndOtherIndexesDiffer() throws IOException {
    BlobFactory factory = new BlobFactory(directory);
    assertThat(factory.create("x", 1, 1000).digest()).isEqualTo(factory.create("x", 1, 1000).digest());
    assertThat(factory.create("x", 1, 1000).digest()).isNotEqualTo(factory.create("x", 2, 1000).digest());
  }

  @Test
  void largeBlobsLiveInAFileWhoseBytesMatchTheDigest() throws IOException {
    long size = BlobFactory.IN_MEMORY_LIMIT + 12345L;
    Blob blob = new BlobFactory(directory).create("big", 0, size);
    assertThat(blob.content()).isInstanceOf(RequestBody.FileRegion.class);
    byte[] onDisk = Files.readAllBytes(((RequestBody.FileRegion) blob.content()).path());
    assertThat(onDisk).hasSize((int) size);
    assertThat(Digests.sha256(onDisk)).isEqualTo(blob.digest());
  }

  @Test
  void smallBlobsStayInMemory() throws IOException {
    Blob blob = new BlobFactory(directory).create("small", 0, 100);
    assertThat(blob.content()).isInstanceOf(RequestBody.Bytes.class);
    assertThat(Digests.sha256(((RequestBody.Bytes) blob.content()).bytes())).isEqualTo(blob.digest());
  }

  @Test
  void contentDoesNotCompress() throws IOException {
    byte[] bytes = ((RequestBody.Bytes) new BlobFactory(directory).create("r", 0, 65536).content()).bytes();
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    deflater.setInput(bytes);
    deflater.finish();
    byte[] out = new byte[bytes.length * 2];
    int compressed = deflater.deflate(out);
    assertThat(compressed).isGreaterThan(bytes.length * 99 / 100);
  }

  @Test
  void slicesPointIntoTheSameFileOrBytes() throws IOException {
    Blob file = new BlobFactory(directory).create("f", 0, BlobFactory.IN_MEMORY_LIMIT + 10L);
    RequestBody.FileRegion slice = (RequestBody.FileRegion) file.slice(100, 50);
    assertThat(slice.offset()).isEqualTo(100);
    assertThat(slice.length()).isEqualTo(50);
    Blob memory = new BlobFactory(directory).create("m", 0, 10);
    assertThat(((RequestBody.Bytes) memory.slice(2, 3)).bytes()).hasSize(3);
  }
}
