package dev.berth.operator.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * JSON patches (RFC 6902) that add or remove one entry of a ServiceAccount's imagePullSecrets. The list has
 * no merge key, so merge patches and server-side apply would replace it whole and drop other tools' entries;
 * these patches touch one element. Each starts by setting metadata.resourceVersion to the version the
 * decision was made on: the API server treats a resourceVersion in a patch as a precondition and answers
 * 409 Conflict when the object changed since, so a concurrent edit is never overwritten and an index never
 * points at the wrong entry. (A {@code test} op would guard the same, but a failed test is answered 422 by
 * real servers and not at all by Fabric8's mock server; the precondition gives one clear 409 on both.)
 */
public final class ImagePullSecretPatches {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RESOURCE_VERSION = "/metadata/resourceVersion";

  private ImagePullSecretPatches() {
  }

  public static OptionalInt indexOf(ServiceAccount account, String secretName) {
    List<LocalObjectReference> entries = account.getImagePullSecrets();
    if (entries == null) {
      return OptionalInt.empty();
    }
    for (int i = 0; i < entries.size(); i++) {
      if (secretName.equals(entries.get(i).getName())) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  /** Appends the entry, or sets the list to just it when the ServiceAccount has none. */
  public static String add(ServiceAccount account, String secretName) {
    List<Map<String, Object>> ops = new ArrayList<>();
    ops.add(guard(account));
    Map<String, String> entry = Map.of("name", secretName);
    // Fabric8 reads a missing list as an empty one; appending to a path that does not exist would fail, and
    // replacing an empty list loses nothing (the resourceVersion test guarantees it is still empty).
    if (account.getImagePullSecrets() == null || account.getImagePullSecrets().isEmpty()) {
      ops.add(op("add", "/imagePullSecrets", List.of(entry)));
    } else {
      ops.add(op("add", "/imagePullSecrets/-", entry));
    }
    return write(ops);
  }

  /** Removes the entry at {@code index}; the guard makes sure it is still the entry that was read there. */
  public static String remove(ServiceAccount account, int index) {
    String path = "/imagePullSecrets/" + index;
    return write(List.of(guard(account), op("remove", path, null)));
  }

  private static Map<String, Object> guard(ServiceAccount account) {
    return op("replace", RESOURCE_VERSION, account.getMetadata().getResourceVersion());
  }

  private static Map<String, Object> op(String op, String path, Object value) {
    Map<String, Object> operation = new LinkedHashMap<>();
    operation.put("op", op);
    operation.put("path", path);
    if (value != null) {
      operation.put("value", value);
    }
    return operation;
  }

  private static String write(List<Map<String, Object>> ops) {
    try {
      return JSON.writeValueAsString(ops);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize JSON patch", e);
    }
  }
}
