package dev.berth.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperatorSettingsTest {

  @Test
  void defaultsWatchAllNamespacesWithLeaderElectionInThePodsNamespace() {
    OperatorSettings settings = OperatorSettings.from(Map.of(), Optional.of("berth-system"), "img:1");

    assertThat(settings.watchNamespaces()).isEmpty();
    assertThat(settings.leaderElection()).isTrue();
    assertThat(settings.leaseNamespace()).contains("berth-system");
    assertThat(settings.healthPort()).isEqualTo(8081);
    assertThat(settings.defaultImage()).isEqualTo("img:1");
  }

  @Test
  void environmentNarrowsNamespacesAndOverridesTheRest() {
    OperatorSettings settings = OperatorSettings.from(Map.of("BERTH_WATCH_NAMESPACES", " team-a, team-b ,",
        "BERTH_LEADER_ELECTION", "false", "BERTH_HEALTH_PORT", "9000", "BERTH_REGISTRY_IMAGE", "mirror/berth:1",
        "POD_NAMESPACE", "ops"), Optional.empty(), "img:1");

    assertThat(settings.watchNamespaces()).containsExactlyInAnyOrder("team-a", "team-b");
    assertThat(settings.leaderElection()).isFalse();
    assertThat(settings.leaseNamespace()).contains("ops");
    assertThat(settings.healthPort()).isEqualTo(9000);
    assertThat(settings.defaultImage()).isEqualTo("mirror/berth:1");
  }

  @Test
  void badHealthPortIsReportedByName() {
    assertThatThrownBy(() -> OperatorSettings.from(Map.of("BERTH_HEALTH_PORT", "http"), Optional.empty(), "i"))
        .hasMessageContaining("BERTH_HEALTH_PORT");
  }

  @Test
  void defaultImageIsTheRegistryOfTheOperatorsOwnVersion() {
    assertThat(OperatorInfo.defaultRegistryImage())
        .isEqualTo("ghcr.io/berth-dev/berth-registry:" + OperatorInfo.version());
  }
}
