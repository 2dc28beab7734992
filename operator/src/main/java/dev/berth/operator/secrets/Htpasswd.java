package dev.berth.operator.secrets;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * htpasswd files with bcrypt entries in the {@code $2y$} form that Apache's htpasswd writes and registry:2
 * reads. Existing entries are kept when they still verify, so a reconcile never re-hashes.
 */
public final class Htpasswd {
  /** registry:2 and Apache default to cost 5-10; 10 keeps a login well under 100 ms. */
  public static final int COST = 10;

  private Htpasswd() {
  }

  public static String hash(String password, byte[] salt) {
    return OpenBSDBCrypt.generate("2y", password.toCharArray(), salt, COST);
  }

  public static boolean verifies(String hash, String password) {
    try {
      return hash != null && OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** user -> hash, in file order; blank lines and comments are skipped. */
  public static Map<String, String> parse(String content) {
    Map<String, String> entries = new LinkedHashMap<>();
    if (content == null) {
      return entries;
    }
    for (String line : content.split("\n")) {
      String trimmed = line.strip();
      int colon = trimmed.indexOf(':');
      if (!trimmed.isEmpty() && !trimmed.startsWith("#") && colon > 0) {
        entries.put(trimmed.substring(0, colon), trimmed.substring(colon + 1));
      }
    }
    return entries;
  }

  public static String render(Map<String, String> entries) {
    StringBuilder out = new StringBuilder();
    entries.forEach((user, hash) -> out.append(user).append(':').append(hash).append('\n'));
    return out.toString();
  }
}
