package dev.berth.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.operator.crd.RegistrySpec;
import dev.berth.registry.config.GoDuration;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HashesTest {

  @Test
  void podTemplateHashDependsOnContentNotOrder() {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("config", "x");
    a.put("tls.crt", "y");
    Map<String, String> b = new TreeMap<>(Map.of("tls.crt", "y", "config", "x"));

    assertThat(PodTemplateHash.of(a)).isEqualTo(PodTemplateHash.of(b));
    assertThat(PodTemplateHash.of(Map.of("config", "x", "tls.crt", "z"))).isNotEqualTo(PodTemplateHash.of(a));
  }

  @Test
  void desiredHashIsStableAndSeesARemovedListEntry() {
    RegistrySpec two = new RegistrySpec();
    two.nodeSelector = Map.of("zone", "a", "disk", "ssd");
    RegistrySpec one = new RegistrySpec();
    one.nodeSelector = Map.of("zone", "a");

    Deployment first = DesiredHash.annotate(DeploymentModel.desired(TestRegistries.effective(two), "h"));
    Deployment again = DesiredHash.annotate(DeploymentModel.desired(TestRegistries.effective(two), "h"));
    Deployment fewer = DesiredHash.annotate(DeploymentModel.desired(TestRegistries.effective(one), "h"));

    String hash = first.getMetadata().getAnnotations().get(DesiredHash.ANNOTATION);
    assertThat(hash).hasSize(32);
    assertThat(again.getMetadata().getAnnotations()).containsEntry(DesiredHash.ANNOTATION, hash);
    assertThat(fewer.getMetadata().getAnnotations().get(DesiredHash.ANNOTATION)).isNotEqualTo(hash);
  }

  @Test
  void goDurationsParseLikeKubernetesOnes() {
    assertThat(GoDuration.parse("2160h")).hasHours(2160);
    assertThat(GoDuration.parse("1h30m")).hasMinutes(90);
    assertThat(GoDuration.parse("45s")).hasSeconds(45);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GoDuration.parse("90d"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("90d");
  }
}
