package dev.berth.operator.model;

import dev.berth.operator.certs.CertificateSettings;
import dev.berth.operator.certs.Certificates;
import dev.berth.operator.crd.AuthMode;
import dev.berth.operator.crd.PvcStorage;
import dev.berth.operator.crd.Registry;
import dev.berth.operator.crd.RegistrySpec;
import dev.berth.operator.crd.S3Storage;
import dev.berth.operator.crd.StorageSpec;
import dev.berth.operator.crd.TlsMode;
import dev.berth.operator.crd.TlsSpec;
import dev.berth.registry.config.GoDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything wrong with a spec, before anything is built. Repeats the CRD's CEL rules (API servers without
 * them, or a CRD applied before a fix) and checks what a schema cannot: durations, IPs, the merged config.
 */
public final class SpecValidator {
  private static final Pattern QUANTITY = Pattern.compile("\\d+(\\.\\d+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?");
  private static final Pattern DNS_NAME =
      Pattern.compile("(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Set<String> WRITABLE_ACCESS_MODES =
      Set.of("ReadWriteOnce", "ReadWriteMany", "ReadWriteOncePod");

  private SpecValidator() {
  }

  public static List<SpecProblem> validate(Registry registry) {
    RegistrySpec spec = registry.getSpec() != null ? registry.getSpec() : new RegistrySpec();
    List<SpecProblem> problems = new ArrayList<>();
    if (spec.replicas != null && spec.replicas < 0) {
      problems.add(new SpecProblem("spec.replicas", "must not be negative"));
    }
    if (spec.image != null && (spec.image.isBlank() || spec.image.chars().anyMatch(Character::isWhitespace))) {
      problems.add(new SpecProblem("spec.image", "'" + spec.image + "' is not an image reference"));
    }
    storage(spec, problems);
    tls(spec.tls, problems);
    if (spec.auth != null && spec.auth.mode == AuthMode.Secret && blank(spec.auth.htpasswdSecret)) {
      problems.add(new SpecProblem("spec.auth.htpasswdSecret", "is required when auth.mode is Secret"));
    }
    if (spec.service != null && spec.service.port != null && (spec.service.port < 1 || spec.service.port > 65535)) {
      problems.add(new SpecProblem("spec.service.port", "must be between 1 and 65535"));
    }
    problems.addAll(PullSecretsValidator.validate(registry));
    if (spec.config != null) {
      ConfigYaml.validateUserConfig(spec.config)
          .ifPresent(message -> problems.add(new SpecProblem("spec.config", message)));
    }
    if (problems.isEmpty()) {
      // Last word to the server's own loader: the config the operator would write must start a registry.
      EffectiveSpec effective = new EffectiveSpec(registry, "unused");
      ConfigYaml.refusal(RegistryConfigModel.build(effective, GeneratedUsers.DEFAULT))
          .ifPresent(message -> problems.add(new SpecProblem("spec.config", "the registry would refuse it: "
              + message)));
    }
    return problems;
  }

  private static void storage(RegistrySpec spec, List<SpecProblem> problems) {
    StorageSpec storage = spec.storage;
    if (storage != null) {
      int backends = (storage.pvc != null ? 1 : 0) + (storage.s3 != null ? 1 : 0) + (storage.emptyDir != null ? 1 : 0);
      if (backends != 1) {
        problems.add(new SpecProblem("spec.storage", "exactly one of pvc, s3, emptyDir must be set"));
        return;
      }
      if (storage.pvc != null) {
        pvc(storage.pvc, problems);
      }
      if (storage.s3 != null) {
        s3(storage.s3, problems);
      }
      if (storage.emptyDir != null && storage.emptyDir.sizeLimit != null
          && !QUANTITY.matcher(storage.emptyDir.sizeLimit).matches()) {
        problems.add(new SpecProblem("spec.storage.emptyDir.sizeLimit", "is not a quantity like 5Gi"));
      }
    }
    boolean shared = storage != null && (storage.s3 != null || (storage.pvc != null
        && storage.pvc.accessModes != null && storage.pvc.accessModes.contains(EffectiveSpec.READ_WRITE_MANY)));
    if (spec.replicas != null && spec.replicas > 1 && !shared) {
      problems.add(new SpecProblem("spec.replicas",
          "replicas > 1 needs storage.s3 or a storage.pvc with accessModes [ReadWriteMany]"));
    }
  }

  private static void pvc(PvcStorage pvc, List<SpecProblem> problems) {
    if (pvc.size != null && !QUANTITY.matcher(pvc.size).matches()) {
      problems.add(new SpecProblem("spec.storage.pvc.size", "'" + pvc.size + "' is not a quantity like 10Gi"));
    }
    if (pvc.accessModes != null) {
      for (String mode : pvc.accessModes) {
        if (!WRITABLE_ACCESS_MODES.contains(mode)) {
          problems.add(new SpecProblem("spec.storage.pvc.accessModes",
              "'" + mode + "' is not a writable access mode (ReadWriteOnce, ReadWriteOncePod, ReadWriteMany)"));
        }
      }
    }
  }

  private static void s3(S3Storage s3, List<SpecProblem> problems) {
    if (blank(s3.bucket)) {
      problems.add(new SpecProblem("spec.storage.s3.bucket", "is required"));
    }
    if (blank(s3.region)) {
      problems.add(new SpecProblem("spec.storage.s3.region", "is required"));
    }
  }

  private static void tls(TlsSpec tls, List<SpecProblem> problems) {
    if (tls == null) {
      return;
    }
    if (tls.mode == TlsMode.Secret && blank(tls.secretName)) {
      problems.add(new SpecProblem("spec.tls.secretName", "is required when tls.mode is Secret"));
    }
    Duration duration = duration("spec.tls.duration", tls.duration, CertificateSettings.DEFAULT_SERVER_VALIDITY,
        problems);
    Duration renewBefore = duration("spec.tls.renewBefore", tls.renewBefore,
        CertificateSettings.DEFAULT_SERVER_RENEW_BEFORE, problems);
    if (duration != null && duration.compareTo(CertificateSettings.MAX_SERVER_VALIDITY) > 0) {
      problems.add(new SpecProblem("spec.tls.duration", "must not exceed 8760h"));
    }
    if (duration != null && renewBefore != null && renewBefore.compareTo(duration) >= 0) {
      problems.add(new SpecProblem("spec.tls.renewBefore", "must be shorter than spec.tls.duration"));
    }
    if (tls.ipAddresses != null) {
      for (String ip : tls.ipAddresses) {
        try {
          Certificates.canonicalIp(ip);
        } catch (IllegalArgumentException e) {
          problems.add(new SpecProblem("spec.tls.ipAddresses", "'" + ip + "' is not an IP address"));
        }
      }
    }
    if (tls.dnsNames != null) {
      for (String name : tls.dnsNames) {
        if (name == null || !DNS_NAME.matcher(name).matches() || name.length() > 253) {
          problems.add(new SpecProblem("spec.tls.dnsNames", "'" + name + "' is not a DNS name"));
        }
      }
    }
  }

  private static Duration duration(String field, String text, Duration fallback, List<SpecProblem> problems) {
    if (text == null) {
      return fallback;
    }
    try {
      Duration parsed = GoDuration.parse(text);
      if (parsed.isZero() || parsed.isNegative()) {
        problems.add(new SpecProblem(field, "must be longer than zero"));
        return null;
      }
      return parsed;
    } catch (IllegalArgumentException e) {
      problems.add(new SpecProblem(field, e.getMessage()));
      return null;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
