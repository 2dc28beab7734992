package dev.berth.registry;

import dev.berth.registry.config.ConfigException;
import dev.berth.registry.config.ConfigLoader;
import dev.berth.registry.config.ConfigWarning;
import dev.berth.registry.config.LoadedConfig;
import dev.berth.registry.logging.LogSetup;
import dev.berth.registry.server.PendingVertx;
import dev.berth.registry.server.RegistryServer;
import dev.berth.registry.server.StartupException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar berth-registry.jar serve [CONFIG]}, like {@code registry serve config.yml}. Any startup error
 * is one line on standard error and exit code 1; stack traces only go to the debug log.
 */
public final class Main {
  private static final String USAGE = """
      Usage: java -jar berth-registry.jar <command>

      Commands:
        serve [CONFIG]   run the registry with CONFIG (a registry:2 config.yml); without CONFIG, the registry:2
                         image's defaults (listen on :5000, storage in /var/lib/registry). REGISTRY_* environment
                         variables override either, as in registry:2.
        version          print the version
        help             print this help
      """;

  private Main() {
  }

  public static void main(String[] args) {
    int exit = run(args, System.getenv(), System.out, System.err);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  /** Runs a command; returns the exit code (0 while serving: the server keeps the JVM alive). */
  static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
    List<String> arguments = List.of(args);
    String command = arguments.isEmpty() ? "help" : arguments.get(0);
    switch (command) {
      case "serve":
        if (arguments.size() > 2) {
          err.println("error: serve takes at most one argument, the config file");
          return 1;
        }
        return serve(arguments.size() == 2 ? Path.of(arguments.get(1)) : null, environment, err);
      case "version", "--version", "-v":
        out.println("berth-registry " + version());
        return 0;
      case "help", "--help", "-h":
        (arguments.isEmpty() ? err : out).print(USAGE);
        return arguments.isEmpty() ? 1 : 0;
      case "garbage-collect":
        err.println("error: garbage-collect is not supported yet");
        return 1;
      default:
        err.println("error: unknown command \"" + command + "\" (run: java -jar berth-registry.jar help)");
        return 1;
    }
  }

  private static int serve(Path configFile, Map<String, String> environment, PrintStream err) {
    PendingVertx vertx = PendingVertx.create();
    try {
      LoadedConfig loaded = ConfigLoader.load(configFile, environment);
      LogSetup.configure(loaded.config().log());
      log().info("berth-registry {} starting with {}", version(),
          configFile == null ? "the registry:2 image defaults" : configFile);
      for (ConfigWarning warning : loaded.warnings()) {
        log().atWarn().addKeyValue("key", warning.key()).log(warning.message());
      }
      // Registered before the server listens, so that a SIGTERM right after "listening on" still drains.
      AtomicReference<RegistryServer> running = new AtomicReference<>();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        RegistryServer server = running.get();
        if (server != null) {
          server.stop();
        }
      }, "berth-shutdown"));
      RegistryServer server = RegistryServer.start(loaded.config(), vertx.take());
      running.set(server);
      log().info("listening on {}", server.address());
      return 0;
    } catch (ConfigException | StartupException e) {
      vertx.discard();
      log().debug("startup failed", e);
      err.println("error: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      vertx.discard();
      log().debug("startup failed", e);
      err.println("error: cannot start: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getName()));
      return 1;
    }
  }

  /**
   * Not a static field: that would set up logging before anything else, on the path to the first request, while
   * the Vert.x thread that {@link PendingVertx} starts sets it up alongside the config loading.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(Main.class);
  }

  static String version() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version != null ? version : "development";
  }
}
