package dev.berth.bench.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageManifestTest {

  @Test
  void manifestDescribesItsBlobsAndDigestsItsOwnBytes() throws IOException {
    Blob config = Blob.of(new byte[] {1, 2});
    Blob layer = Blob.of(new byte[] {3});
    ImageManifest manifest = ImageManifest.of(config, List.of(layer), 7);
    JsonNode json = new ObjectMapper().readTree(manifest.bytes());
    assertThat(json.get("mediaType").asText()).isEqualTo(ImageManifest.MEDIA_TYPE);
    assertThat(json.at("/config/digest").asText()).isEqualTo(config.digest());
    assertThat(json.at("/layers/0/size").asLong()).isEqualTo(1);
    assertThat(manifest.digest()).isEqualTo(Digests.sha256(manifest.bytes()));
  }

  @Test
  void serialsGiveDistinctManifestsOverTheSameBlobs() {
    Blob config = Blob.of(new byte[] {1});
    assertThat(ImageManifest.of(config, List.of(), 1).digest())
        .isNotEqualTo(ImageManifest.of(config, List.of(), 2).digest());
  }
}
