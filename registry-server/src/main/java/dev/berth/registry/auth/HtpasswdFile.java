package dev.berth.registry.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The htpasswd file named by {@code auth.htpasswd.path}, re-read when its content changes.
 *
 * <p>A Kubernetes Secret volume updates by swapping a {@code ..data} symlink, which keeps the file's path and can
 * keep its modification time, so changes are detected by comparing a hash of the content. The file is small;
 * reading it at most once per check interval, on the request path of whichever worker notices the interval
 * passed, costs less than a timer and makes a change effective on the next request.
 *
 * <p>The file must exist and be readable at start: registry:2 silently creates a missing file with a random
 * {@code docker} password printed to the log, which in a container would hide a Secret that failed to mount.
 * After start, a file that disappears or becomes unreadable (a half-done swap, a deleted Secret) leaves the last
 * good entries in force, with a warning, instead of failing every request.
 */
public final class HtpasswdFile {
  private static final Logger LOG = LoggerFactory.getLogger(HtpasswdFile.class);
  public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(1);

  private final Path path;
  private final long checkIntervalMillis;
  private final Clock clock;
  private final AtomicLong nextCheckMillis;
  private volatile HtpasswdEntries entries;
  private volatile String lastProblem;

  private HtpasswdFile(Path path, HtpasswdEntries entries, Duration checkInterval, Clock clock) {
    this.path = path;
    this.entries = entries;
    this.checkIntervalMillis = checkInterval.toMillis();
    this.clock = clock;
    this.nextCheckMillis = new AtomicLong(clock.millis() + checkIntervalMillis);
  }

  /** Reads the file once, failing with a message that names the path when it is missing or unreadable. */
  public static HtpasswdFile load(Path path, Duration checkInterval, Clock clock) {
    HtpasswdEntries entries;
    try {
      entries = HtpasswdEntries.parse(Files.readAllBytes(path));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("auth.htpasswd.path " + path + " does not exist; create it with "
          + "'htpasswd -Bbn <user> <password> > " + path + "'");
    } catch (IOException e) {
      throw new IllegalArgumentException("auth.htpasswd.path " + path + " cannot be read: " + describe(e));
    }
    logLoaded(path, entries);
    return new HtpasswdFile(path, entries, checkInterval, clock);
  }

  public static HtpasswdFile load(Path path) {
    return load(path, DEFAULT_CHECK_INTERVAL, Clock.systemUTC());
  }

  public Path path() {
    return path;
  }

  public HtpasswdEntries entries() {
    return entries;
  }

  public Optional<String> hashFor(String user) {
    return entries.hashFor(user);
  }

  /** Whether the interval since the last look at the file has passed, so the next blocking call should look. */
  public boolean checkDue() {
    return clock.millis() >= nextCheckMillis.get();
  }

  /**
   * Re-reads the file when a check is due and its content changed. Blocking; only the caller that claims the
   * due check reads, the others keep using the current entries.
   */
  public void reloadIfDue() {
    long due = nextCheckMillis.get();
    long now = clock.millis();
    if (now < due || !nextCheckMillis.compareAndSet(due, now + checkIntervalMillis)) {
      return;
    }
    reloadNow();
  }

  /** Re-reads the file now when its content changed. Blocking. */
  public synchronized void reloadNow() {
    byte[] content;
    try {
      content = Files.readAllBytes(path);
    } catch (IOException e) {
      reportOnce("htpasswd file " + path + " cannot be read (" + describe(e) + "); keeping the "
          + entries.users().size() + " users read before");
      return;
    }
    lastProblem = null;
    if (HtpasswdEntries.sha256(content).equals(entries.contentHash())) {
      return;
    }
    HtpasswdEntries fresh = HtpasswdEntries.parse(content);
    entries = fresh;
    logLoaded(path, fresh);
  }

  private void reportOnce(String problem) {
    if (!problem.equals(lastProblem)) {
      LOG.warn(problem);
      lastProblem = problem;
    }
  }

  private static void logLoaded(Path path, HtpasswdEntries entries) {
    for (String warning : entries.warnings()) {
      LOG.warn("htpasswd file {}, {}", path, warning);
    }
    if (entries.users().isEmpty()) {
      LOG.warn("htpasswd file {} has no usable bcrypt entries: every request will be refused", path);
    } else {
      LOG.info("htpasswd file {} loaded: {} users", path, entries.users().size());
    }
  }

  private static String describe(IOException e) {
    return e instanceof NoSuchFileException ? "no such file" : e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
