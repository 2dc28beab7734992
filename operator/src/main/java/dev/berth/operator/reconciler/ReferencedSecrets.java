package dev.berth.operator.reconciler;

import dev.berth.operator.crd.AuthMode;
import dev.berth.operator.crd.TlsMode;
import dev.berth.operator.model.EffectiveSpec;
import dev.berth.operator.model.PodLayout;
import dev.berth.operator.model.RegistryNames;
import dev.berth.operator.model.SpecProblem;
import dev.berth.operator.model.StorageKind;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks the Secrets a spec names but the operator does not own (a cert-manager certificate, an htpasswd
 * file, S3 keys): a pod mounting a missing one would hang in ContainerCreating with no hint in the Registry.
 */
final class ReferencedSecrets {
  private ReferencedSecrets() {
  }

  static List<SpecProblem> check(EffectiveSpec spec, KubernetesClient client) {
    String namespace = RegistryNames.namespace(spec.registry());
    List<SpecProblem> problems = new ArrayList<>();
    if (spec.tlsMode() == TlsMode.Secret) {
      require(client, namespace, "spec.tls.secretName", spec.tlsSecretName(),
          List.of(PodLayout.TLS_CRT_KEY, PodLayout.TLS_KEY_KEY), problems);
    }
    if (spec.authMode() == AuthMode.Secret) {
      require(client, namespace, "spec.auth.htpasswdSecret", spec.htpasswdSecretName(),
          List.of(PodLayout.HTPASSWD_KEY), problems);
    }
    if (spec.storageKind() == StorageKind.S3 && spec.s3().credentialsSecret != null) {
      require(client, namespace, "spec.storage.s3.credentialsSecret", spec.s3().credentialsSecret,
          List.of(PodLayout.S3_ACCESS_KEY_KEY, PodLayout.S3_SECRET_KEY_KEY), problems);
    }
    return problems;
  }

  private static void require(KubernetesClient client, String namespace, String field, String name,
      List<String> keys, List<SpecProblem> problems) {
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    if (secret == null) {
      problems.add(new SpecProblem(field, "Secret '" + name + "' not found in namespace " + namespace));
      return;
    }
    Map<String, String> data = secret.getData() != null ? secret.getData() : Map.of();
    Map<String, String> stringData = secret.getStringData() != null ? secret.getStringData() : Map.of();
    for (String key : keys) {
      if (!data.containsKey(key) && !stringData.containsKey(key)) {
        problems.add(new SpecProblem(field, "Secret '" + name + "' has no key '" + key + "'"));
      }
    }
  }
}
