package dev.berth.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AcceptedTypesTest {

  @Test
  void noAcceptHeaderAcceptsEverything() {
    assertThat(AcceptedTypes.allows(List.of(), ManifestMediaTypes.OCI_INDEX)).isTrue();
    assertThat(AcceptedTypes.allows(List.of(""), ManifestMediaTypes.OCI_MANIFEST)).isTrue();
  }

  @Test
  void listedTypeOrWildcardIsAccepted() {
    assertThat(AcceptedTypes.allows(List.of(ManifestMediaTypes.DOCKER_MANIFEST + ", "
        + ManifestMediaTypes.OCI_MANIFEST + ";q=0.5"), ManifestMediaTypes.OCI_MANIFEST)).isTrue();
    assertThat(AcceptedTypes.allows(List.of(ManifestMediaTypes.DOCKER_MANIFEST, ManifestMediaTypes.OCI_INDEX),
        ManifestMediaTypes.OCI_INDEX)).isTrue();
    assertThat(AcceptedTypes.allows(List.of("*/*"), ManifestMediaTypes.OCI_INDEX)).isTrue();
    assertThat(AcceptedTypes.allows(List.of("application/*"), ManifestMediaTypes.OCI_INDEX)).isTrue();
  }

  @Test
  void ociTypeLeftOutOfAnExplicitListIsRefused() {
    assertThat(AcceptedTypes.allows(List.of(ManifestMediaTypes.DOCKER_MANIFEST), ManifestMediaTypes.OCI_MANIFEST))
        .isFalse();
    assertThat(AcceptedTypes.allows(List.of(ManifestMediaTypes.OCI_MANIFEST), ManifestMediaTypes.OCI_INDEX))
        .isFalse();
  }

  @Test
  void dockerTypesAreServedRegardlessAsRegistry2DoesByDigest() {
    assertThat(AcceptedTypes.allows(List.of(ManifestMediaTypes.OCI_MANIFEST), ManifestMediaTypes.DOCKER_MANIFEST))
        .isTrue();
    assertThat(AcceptedTypes.allows(List.of("application/json"), ManifestMediaTypes.DOCKER_MANIFEST_LIST)).isTrue();
  }
}
