package dev.berth.operator.model;

import dev.berth.operator.crd.Registry;
import dev.berth.operator.secrets.Htpasswd;
import dev.berth.operator.secrets.SecretGenerator;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The generated secrets that are made once and then kept: the shared http.secret, the credentials of the
 * push and pull users, and the htpasswd file with their bcrypt hashes. Each method takes what exists and
 * returns it unchanged when it is still right, so a reconcile never re-generates or re-hashes.
 */
public final class SecretModels {
  public static final String PUSH_USERNAME = "push-username";
  public static final String PUSH_PASSWORD = "push-password";
  public static final String PULL_USERNAME = "pull-username";
  public static final String PULL_PASSWORD = "pull-password";
  private static final int HTTP_SECRET_BYTES = 32;
  private static final String OPAQUE = "Opaque";

  private SecretModels() {
  }

  /** One http.secret for every replica: upload state signed by one pod must verify on the others. */
  public static Secret httpSecret(Registry registry, Optional<Secret> existing, SecretGenerator generator) {
    String key = SecretData.value(existing, PodLayout.HTTP_SECRET_KEY)
        .orElseGet(() -> generator.hexKey(HTTP_SECRET_BYTES));
    return secret(registry, RegistryNames.httpSecret(registry), "http-secret", Map.of(PodLayout.HTTP_SECRET_KEY, key));
  }

  public static Secret credentials(Registry registry, Optional<Secret> existing, SecretGenerator generator) {
    Map<String, String> data = SecretData.decode(existing);
    GeneratedUsers users = GeneratedUsers.DEFAULT;
    Map<String, String> wanted = new LinkedHashMap<>();
    wanted.put(PUSH_USERNAME, users.pushUser());
    wanted.put(PUSH_PASSWORD, keep(data, PUSH_USERNAME, users.pushUser(), PUSH_PASSWORD, generator));
    wanted.put(PULL_USERNAME, users.pullUser());
    wanted.put(PULL_PASSWORD, keep(data, PULL_USERNAME, users.pullUser(), PULL_PASSWORD, generator));
    return secret(registry, RegistryNames.credentialsSecret(registry), "credentials", wanted);
  }

  /** The htpasswd file for the credentials; an existing hash stays when it still verifies its password. */
  public static Secret htpasswd(Registry registry, Map<String, String> credentials, Optional<Secret> existing,
      SecretGenerator generator) {
    Map<String, String> current = Htpasswd.parse(SecretData.decode(existing).get(PodLayout.HTPASSWD_KEY));
    Map<String, String> entries = new LinkedHashMap<>();
    addEntry(entries, current, credentials.get(PUSH_USERNAME), credentials.get(PUSH_PASSWORD), generator);
    addEntry(entries, current, credentials.get(PULL_USERNAME), credentials.get(PULL_PASSWORD), generator);
    return secret(registry, RegistryNames.htpasswdSecret(registry), "htpasswd",
        Map.of(PodLayout.HTPASSWD_KEY, Htpasswd.render(entries)));
  }

  private static void addEntry(Map<String, String> entries, Map<String, String> current, String user,
      String password, SecretGenerator generator) {
    if (user == null || password == null) {
      return;
    }
    String hash = current.get(user);
    entries.put(user, Htpasswd.verifies(hash, password) ? hash : Htpasswd.hash(password, generator.salt()));
  }

  private static String keep(Map<String, String> data, String userKey, String user, String passwordKey,
      SecretGenerator generator) {
    String password = data.get(passwordKey);
    boolean usable = user.equals(data.get(userKey)) && password != null && !password.isEmpty();
    return usable ? password : generator.password();
  }

  static Secret secret(Registry registry, String name, String component, Map<String, String> plain) {
    return new SecretBuilder()
        .withMetadata(ObjectMetas.of(registry, name, component))
        .withType(OPAQUE)
        .withData(SecretData.encode(plain))
        .build();
  }
}
