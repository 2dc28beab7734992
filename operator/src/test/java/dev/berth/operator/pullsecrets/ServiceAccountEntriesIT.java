package dev.berth.operator.pullsecrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.api.reconciler.dependent.RecentOperationCacheFiller;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guarded patches against the mock server, acting on a ServiceAccount that changed after it was read. */
@EnableKubernetesMockClient(crud = true)
class ServiceAccountEntriesIT {
  static KubernetesClient client;
  private final RecentOperationCacheFiller<ServiceAccount> noCache = new RecentOperationCacheFiller<>() {
    @Override
    public void handleRecentResourceCreate(ResourceID id, ServiceAccount resource) {
    }

    @Override
    public void handleRecentResourceUpdate(ResourceID id, ServiceAccount resource, ServiceAccount previous) {
    }
  };

  @Test
  void addingOnAStaleCopyIsRejectedThenRedoneKeepingTheOtherWritersEntry() {
    ServiceAccount stale = create("add", "first");
    edit("add", List.of("first", "second"));

    var result = new ServiceAccountEntries(client, noCache).ensurePresent(stale, "berth-pull");

    assertThat(result).isEmpty();
    assertThat(entries("add")).containsExactly("first", "second", "berth-pull");
  }

  @Test
  void removingOnAStaleCopyNeverRemovesTheEntryThatMovedIntoItsIndex() {
    ServiceAccount stale = create("remove", "first", "berth-pull", "last");
    edit("remove", List.of("berth-pull", "last"));

    var result = new ServiceAccountEntries(client, noCache).ensureAbsent(stale, "berth-pull");

    assertThat(result).isEmpty();
    assertThat(entries("remove")).containsExactly("last");
  }

  @Test
  void anEntryAlreadyPresentCausesNoPatchAndAMissingAccountIsNoError() {
    ServiceAccount account = create("present", "berth-pull");
    ServiceAccount gone = new ServiceAccountBuilder().withNewMetadata().withName("gone").withNamespace("entries")
        .withResourceVersion("1").endMetadata().build();

    var entriesHelper = new ServiceAccountEntries(client, noCache);

    assertThat(entriesHelper.ensurePresent(account, "berth-pull")).isEmpty();
    assertThat(client.serviceAccounts().inNamespace("entries").withName("present").get().getMetadata()
        .getResourceVersion()).isEqualTo(account.getMetadata().getResourceVersion());
    assertThat(entriesHelper.ensurePresent(gone, "berth-pull")).isEmpty();
  }

  private ServiceAccount create(String name, String... entries) {
    ServiceAccountBuilder builder = new ServiceAccountBuilder().withNewMetadata().withName(name)
        .withNamespace("entries").endMetadata();
    for (String entry : entries) {
      builder.addNewImagePullSecret(entry);
    }
    return client.resource(builder.build()).create();
  }

  private void edit(String name, List<String> entries) {
    client.serviceAccounts().inNamespace("entries").withName(name).edit(sa -> {
      sa.setImagePullSecrets(entries.stream().map(LocalObjectReference::new).toList());
      return sa;
    });
  }

  private List<String> entries(String name) {
    return client.serviceAccounts().inNamespace("entries").withName(name).get().getImagePullSecrets().stream()
        .map(LocalObjectReference::getName).toList();
  }
}
