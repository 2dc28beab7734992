package dev.berth.operator.pullsecrets;

import dev.berth.operator.crd.AuthMode;
import dev.berth.operator.crd.FailedNamespace;
import dev.berth.operator.crd.Registry;
import dev.berth.operator.crd.TlsMode;
import dev.berth.operator.dependent.BerthDependent;
import dev.berth.operator.model.EffectiveSpec;
import dev.berth.operator.model.PodLayout;
import dev.berth.operator.model.PullSecretLabels;
import dev.berth.operator.model.PullSecretModels;
import dev.berth.operator.model.PullSecretTargets;
import dev.berth.operator.model.PullSecretsOutcome;
import dev.berth.operator.model.RegistryNames;
import dev.berth.operator.model.SecretData;
import dev.berth.operator.model.SecretModels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One pull-secret pass for a Registry: removes copies from namespaces that left the selection, then puts the
 * Secret, the CA ConfigMap and the imagePullSecrets entries in place in every target namespace. Everything is
 * read from informer caches, so a converged Registry costs no request at all.
 */
public final class PullSecretSync {
  private final PullSecretInformers informers;

  public PullSecretSync(PullSecretInformers informers) {
    this.informers = informers;
  }

  public PullSecretsOutcome reconcile(EffectiveSpec spec, Context<Registry> context) {
    Registry registry = spec.registry();
    KubernetesClient client = context.getClient();
    if (!PullSecretTargets.enabled(registry)) {
      removeAll(registry, client);
      return new PullSecretsOutcome(0, List.of(), null);
    }
    if (spec.authMode() != AuthMode.Generated) {
      return PullSecretsOutcome.blocked("pull secrets need auth.mode Generated: the operator knows no pull password");
    }
    Optional<Secret> credentials = BerthDependent.secondary(context, Secret.class,
        RegistryNames.credentialsSecret(registry));
    Map<String, String> users = SecretData.decode(credentials);
    if (users.get(SecretModels.PULL_USERNAME) == null || users.get(SecretModels.PULL_PASSWORD) == null) {
      return PullSecretsOutcome.blocked("waiting for the credentials Secret " + RegistryNames.credentialsSecret(registry));
    }
    Optional<String> clusterIp = BerthDependent.secondary(context, Service.class, RegistryNames.service(registry))
        .map(s -> s.getSpec() != null ? s.getSpec().getClusterIP() : null);
    String dockerConfig = PullSecretModels.dockerConfigJson(
        PullSecretModels.hosts(registry, spec.servicePort(), clusterIp, spec.extraDnsNames()),
        users.get(SecretModels.PULL_USERNAME), users.get(SecretModels.PULL_PASSWORD));
    Optional<String> ca = spec.tlsMode() == TlsMode.Generated
        ? SecretData.value(BerthDependent.secondary(context, Secret.class, RegistryNames.caSecret(registry)),
            PodLayout.CA_CRT_KEY)
        : Optional.empty();
    Set<String> targets = PullSecretTargets.namespaces(registry, informers.namespaces().list().toList());
    ServiceAccountEntries entries = new ServiceAccountEntries(client, informers.serviceAccounts());
    PullSecretCopies copies = new PullSecretCopies(client, informers);
    removeStale(registry, targets, ca.isPresent(), copies, entries);
    return provision(registry, targets, dockerConfig, ca, copies, entries);
  }

  /** Removes everything Berth put anywhere for the Registry (it is being deleted, or dropped pullSecrets). */
  public void removeAll(Registry registry, KubernetesClient client) {
    removeStale(registry, Set.of(), false, new PullSecretCopies(client, informers),
        new ServiceAccountEntries(client, informers.serviceAccounts()));
  }

  private PullSecretsOutcome provision(Registry registry, Set<String> targets, String dockerConfig,
      Optional<String> ca, PullSecretCopies copies, ServiceAccountEntries entries) {
    String secretName = RegistryNames.pullSecret(registry);
    Map<String, List<ServiceAccount>> accounts = accountsIn(targets);
    List<FailedNamespace> failed = new ArrayList<>();
    for (String namespace : targets) {
      List<String> problems = new ArrayList<>();
      copies.ensure(PullSecretModels.pullSecret(registry, namespace, dockerConfig)).ifPresent(problems::add);
      if (problems.isEmpty()) {
        ca.flatMap(pem -> copies.ensure(PullSecretModels.caConfigMap(registry, namespace, pem)))
            .ifPresent(problems::add);
        for (ServiceAccount account : accounts.getOrDefault(namespace, List.of())) {
          (PullSecretTargets.selects(registry, account) ? entries.ensurePresent(account, secretName)
              : entries.ensureAbsent(account, secretName)).ifPresent(problems::add);
        }
      }
      if (!problems.isEmpty()) {
        failed.add(new FailedNamespace(namespace, String.join("; ", problems)));
      }
    }
    return new PullSecretsOutcome(targets.size() - failed.size(), failed, null);
  }

  /**
   * Copies outside {@code targets}, or under a name the spec no longer uses, lose their imagePullSecrets
   * entries first and the Secret last, so a failure half-way leaves the Secret that marks the namespace as
   * Berth's and the next pass finishes the job.
   */
  private void removeStale(Registry registry, Set<String> targets, boolean keepCa, PullSecretCopies copies,
      ServiceAccountEntries entries) {
    String secretName = RegistryNames.pullSecret(registry);
    List<Secret> staleSecrets = informers.secrets().list(s -> PullSecretLabels.madeFor(s, registry)
        && (!targets.contains(s.getMetadata().getNamespace()) || !secretName.equals(s.getMetadata().getName())))
        .toList();
    Map<String, List<ServiceAccount>> accounts =
        accountsIn(staleSecrets.stream().map(s -> s.getMetadata().getNamespace()).collect(Collectors.toSet()));
    for (Secret stale : staleSecrets) {
      boolean entriesGone = accounts.getOrDefault(stale.getMetadata().getNamespace(), List.of()).stream()
          .map(account -> entries.ensureAbsent(account, stale.getMetadata().getName()))
          .filter(Optional::isPresent).count() == 0;
      if (entriesGone) {
        copies.delete(stale);
      }
    }
    String caName = RegistryNames.caConfigMap(registry);
    informers.configMaps().list(c -> PullSecretLabels.madeFor(c, registry)
        && (!keepCa || !targets.contains(c.getMetadata().getNamespace()) || !caName.equals(c.getMetadata().getName())))
        .toList().forEach(copies::delete);
  }

  private Map<String, List<ServiceAccount>> accountsIn(Set<String> namespaces) {
    return informers.serviceAccounts().list(sa -> namespaces.contains(sa.getMetadata().getNamespace()))
        .collect(Collectors.groupingBy(sa -> sa.getMetadata().getNamespace()));
  }
}
