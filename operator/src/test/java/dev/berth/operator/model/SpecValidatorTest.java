package dev.berth.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.operator.crd.AuthMode;
import dev.berth.operator.crd.AuthSpec;
import dev.berth.operator.crd.EmptyDirStorage;
import dev.berth.operator.crd.PvcStorage;
import dev.berth.operator.crd.RegistrySpec;
import dev.berth.operator.crd.S3Storage;
import dev.berth.operator.crd.StorageSpec;
import dev.berth.operator.crd.TlsMode;
import dev.berth.operator.crd.TlsSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecValidatorTest {

  @Test
  void emptySpecIsValid() {
    assertThat(problems(new RegistrySpec())).isEmpty();
  }

  @Test
  void twoStorageBackendsAreRejected() {
    RegistrySpec spec = new RegistrySpec();
    spec.storage = new StorageSpec();
    spec.storage.pvc = new PvcStorage();
    spec.storage.emptyDir = new EmptyDirStorage();

    assertThat(fields(spec)).containsExactly("spec.storage");
  }

  @Test
  void severalReplicasNeedSharedStorage() {
    RegistrySpec onDefaultClaim = new RegistrySpec();
    onDefaultClaim.replicas = 2;
    RegistrySpec onS3 = new RegistrySpec();
    onS3.replicas = 2;
    onS3.storage = new StorageSpec();
    onS3.storage.s3 = new S3Storage();
    onS3.storage.s3.bucket = "images";
    onS3.storage.s3.region = "eu-west-1";
    RegistrySpec onRwx = new RegistrySpec();
    onRwx.replicas = 3;
    onRwx.storage = new StorageSpec();
    onRwx.storage.pvc = new PvcStorage();
    onRwx.storage.pvc.accessModes = List.of("ReadWriteMany");

    assertThat(fields(onDefaultClaim)).containsExactly("spec.replicas");
    assertThat(problems(onS3)).isEmpty();
    assertThat(problems(onRwx)).isEmpty();
  }

  @Test
  void s3NeedsBucketAndRegion() {
    RegistrySpec spec = new RegistrySpec();
    spec.storage = new StorageSpec();
    spec.storage.s3 = new S3Storage();

    assertThat(fields(spec)).containsExactly("spec.storage.s3.bucket", "spec.storage.s3.region");
  }

  @Test
  void claimSizeAndAccessModesAreChecked() {
    RegistrySpec spec = new RegistrySpec();
    spec.storage = new StorageSpec();
    spec.storage.pvc = new PvcStorage();
    spec.storage.pvc.size = "ten gigs";
    spec.storage.pvc.accessModes = List.of("ReadOnlyMany");

    assertThat(fields(spec)).containsExactly("spec.storage.pvc.size", "spec.storage.pvc.accessModes");
  }

  @Test
  void secretModesNeedTheirSecretNames() {
    RegistrySpec spec = new RegistrySpec();
    spec.tls = new TlsSpec();
    spec.tls.mode = TlsMode.Secret;
    spec.auth = new AuthSpec();
    spec.auth.mode = AuthMode.Secret;

    assertThat(fields(spec)).containsExactly("spec.tls.secretName", "spec.auth.htpasswdSecret");
  }

  @Test
  void certificateDurationsMustParseAndRenewBeforeMustBeShorter() {
    RegistrySpec spec = new RegistrySpec();
    spec.tls = new TlsSpec();
    spec.tls.duration = "48h";
    spec.tls.renewBefore = "72h";
    RegistrySpec tooLong = new RegistrySpec();
    tooLong.tls = new TlsSpec();
    tooLong.tls.duration = "9000h";
    RegistrySpec garbled = new RegistrySpec();
    garbled.tls = new TlsSpec();
    garbled.tls.renewBefore = "a while";

    assertThat(fields(spec)).containsExactly("spec.tls.renewBefore");
    assertThat(fields(tooLong)).containsExactly("spec.tls.duration");
    assertThat(fields(garbled)).containsExactly("spec.tls.renewBefore");
  }

  @Test
  void extraNamesMustBeDnsNamesAndIpAddresses() {
    RegistrySpec spec = new RegistrySpec();
    spec.tls = new TlsSpec();
    spec.tls.dnsNames = List.of("registry.example.com", "*.apps.example.com", "Not A Name");
    spec.tls.ipAddresses = List.of("192.168.1.10", "fd00::1", "example.com");

    assertThat(problems(spec)).extracting(SpecProblem::message)
        .containsExactlyInAnyOrder("'Not A Name' is not a DNS name", "'example.com' is not an IP address");
  }

  @Test
  void userConfigMustNotSetWhatTheOperatorManages() {
    RegistrySpec spec = new RegistrySpec();
    spec.config = Map.of("http", Map.of("tls", Map.of("certificate", "/x")));
    RegistrySpec fine = new RegistrySpec();
    fine.config = Map.of("log", Map.of("level", "debug"), "storage", Map.of("delete", Map.of("enabled", true)));

    assertThat(problems(spec)).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("spec.config");
      assertThat(p.message()).contains("http.tls");
    });
    assertThat(problems(fine)).isEmpty();
  }

  @Test
  void userConfigOfTheWrongShapeIsRejected() {
    RegistrySpec spec = new RegistrySpec();
    spec.config = Map.of("log", "loud");

    assertThat(fields(spec)).containsExactly("spec.config");
  }

  @Test
  void configTheServerWouldRefuseIsReportedWithTheServersReason() {
    RegistrySpec spec = new RegistrySpec();
    spec.config = Map.of("log", Map.of("level", "shouting"));

    assertThat(problems(spec)).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("spec.config");
      assertThat(p.message()).startsWith("the registry would refuse it: ").contains("shouting");
    });
  }

  @Test
  void servicePortAndReplicasMustBeInRange() {
    RegistrySpec spec = new RegistrySpec();
    spec.replicas = -1;
    spec.service = new dev.berth.operator.crd.ServiceSpec();
    spec.service.port = 70000;

    assertThat(fields(spec)).containsExactly("spec.replicas", "spec.service.port");
  }

  private static List<SpecProblem> problems(RegistrySpec spec) {
    return SpecValidator.validate(TestRegistries.registry(spec));
  }

  private static List<String> fields(RegistrySpec spec) {
    return problems(spec).stream().map(SpecProblem::field).toList();
  }
}
