package dev.berth.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Command-line options of {@link BenchMain}. */
public record BenchOptions(Path berthJar, List<String> berthJvmOptions, String registryBinary, Path output,
    boolean smoke, Path workDirectory, boolean keep, String only, boolean help) {

  /**
   * No JVM flags: Berth runs as {@code java -jar berth-registry.jar serve config.yml}, exactly what a user gets
   * from the jar, with the JDK's defaults for this machine.
   */
  public static final List<String> DEFAULT_BERTH_JVM_OPTIONS = List.of();

  public static final String USAGE = """
      usage: java -jar bench/target/berth-bench.jar [options]
        --berth-jar PATH        Berth's registry jar (default registry-server/target/berth-registry.jar)
        --berth-jvm-opts "..."  JVM options for the Berth server, space separated (default: none)
        --registry-binary PATH  distribution's binary (default docker-registry, from PATH)
        --out PATH              where to write the Markdown report (default BENCHMARKS.md)
        --smoke                 tiny sizes and a few requests per row (seconds, not minutes)
        --work-dir DIR          where the run's temporary directory goes (default java.io.tmpdir)
        --keep                  keep blobs, configs, storage and server logs after the run
        --only TEXT             run only the rows whose operation contains TEXT (e.g. to profile one of them)
      """;

  public static BenchOptions parse(String... args) {
    Path jar = Path.of("registry-server", "target", "berth-registry.jar");
    List<String> jvm = DEFAULT_BERTH_JVM_OPTIONS;
    String binary = "docker-registry";
    Path out = Path.of("BENCHMARKS.md");
    Path work = Path.of(System.getProperty("java.io.tmpdir"));
    boolean smoke = false;
    boolean keep = false;
    boolean help = false;
    String only = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--berth-jar" -> jar = Path.of(value(args, ++i));
        case "--berth-jvm-opts" -> jvm = splitOptions(value(args, ++i));
        case "--registry-binary" -> binary = value(args, ++i);
        case "--out" -> out = Path.of(value(args, ++i));
        case "--work-dir" -> work = Path.of(value(args, ++i));
        case "--smoke" -> smoke = true;
        case "--keep" -> keep = true;
        case "--only" -> only = value(args, ++i);
        case "--help", "-h" -> help = true;
        default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'\n" + USAGE);
      }
    }
    return new BenchOptions(jar, jvm, binary, out, smoke, work, keep, only, help);
  }

  public Plan plan() {
    return smoke ? Plan.smoke() : Plan.full();
  }

  private static String value(String[] args, int index) {
    if (index >= args.length) {
      throw new IllegalArgumentException(args[index - 1] + " needs a value\n" + USAGE);
    }
    return args[index];
  }

  private static List<String> splitOptions(String options) {
    return Arrays.stream(options.trim().split("\\s+")).filter(option -> !option.isEmpty()).toList();
  }
}
