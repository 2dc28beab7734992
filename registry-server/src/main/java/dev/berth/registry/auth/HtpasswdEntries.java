package dev.berth.registry.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One parsed snapshot of an htpasswd file, read the way registry:2 reads it: one {@code user:hash} entry per
 * line, surrounding whitespace trimmed, blank lines and lines starting with {@code #} ignored, the last entry for
 * a user wins. Only bcrypt hashes are usable; any other line is skipped with a warning that names its line
 * number (never its content, which holds a password hash) instead of failing the whole file as registry:2 does.
 *
 * @param users       user name to bcrypt hash
 * @param warnings    one message per skipped line
 * @param contentHash SHA-256 of the raw file bytes, to notice changes that keep the modification time
 */
public record HtpasswdEntries(Map<String, String> users, List<String> warnings, String contentHash) {
  /** Modular crypt bcrypt: version 2a/2b/2y, two-digit cost, 22 salt and 31 hash characters. */
  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");

  public HtpasswdEntries {
    users = Map.copyOf(users);
    warnings = List.copyOf(warnings);
  }

  public static HtpasswdEntries parse(byte[] content) {
    Map<String, String> users = new HashMap<>();
    List<String> warnings = new ArrayList<>();
    String[] lines = new String(content, StandardCharsets.UTF_8).split("\\r?\\n|\\r", -1);
    for (int index = 0; index < lines.length; index++) {
      String line = lines[index].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      int lineNumber = index + 1;
      if (colon <= 0) {
        warnings.add("line " + lineNumber + ": not a user:hash entry; skipped");
        continue;
      }
      String user = line.substring(0, colon);
      String hash = line.substring(colon + 1);
      if (!BCRYPT.matcher(hash).matches()) {
        warnings.add("line " + lineNumber + ": the entry for user \"" + user
            + "\" is not a bcrypt hash ($2y$, $2a$ or $2b$; create it with htpasswd -B); skipped");
        continue;
      }
      users.put(user, hash);
    }
    return new HtpasswdEntries(users, warnings, sha256(content));
  }

  public Optional<String> hashFor(String user) {
    return Optional.ofNullable(users.get(user));
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
