package dev.berth.registry.testsupport;

/**
 * Which server the interoperability tests exercise: Berth's jar by default. {@code -Dit.registry=registry2} runs
 * the same tests against Debian's docker-registry (distribution 2.8.2), the reference they were validated on.
 */
public final class RegistryUnderTest {
  private RegistryUnderTest() {
  }

  public static RegistryProcess.Launcher launcher(String... berthJvmOptions) {
    String target = System.getProperty("it.registry", "berth");
    return switch (target) {
      case "berth" -> RegistryProcess.berth(berthJvmOptions);
      case "registry2" -> RegistryProcess.registry2();
      default -> throw new IllegalArgumentException("it.registry must be berth or registry2, was " + target);
    };
  }

  public static boolean isBerth() {
    return System.getProperty("it.registry", "berth").equals("berth");
  }
}
