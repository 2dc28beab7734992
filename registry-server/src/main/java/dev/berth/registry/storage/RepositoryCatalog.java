package dev.berth.registry.storage;

import dev.berth.registry.api.RepositoryName;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * Finds the repositories under {@link LayoutPaths#REPOSITORIES}. Names are nested ({@code library/alpine}), so the
 * walk lists one directory level at a time; a directory holding {@code _manifests} is a repository, and
 * {@code _}-prefixed directories ({@code _layers}, {@code _uploads}, ...) are never descended into. Subtrees whose
 * names all sort at or before {@code last} are skipped without being listed.
 *
 * <p>Repositories holding only blobs (an interrupted push) are not listed: a repository appears with its first
 * manifest.
 */
public final class RepositoryCatalog {
  private final StorageDriver driver;

  public RepositoryCatalog(StorageDriver driver) {
    this.driver = driver;
  }

  /** Repository names after {@code last} (all when null), in ascending order. */
  public List<RepositoryName> after(String last) throws IOException {
    List<RepositoryName> found = new ArrayList<>();
    Deque<String> pending = new ArrayDeque<>();
    pending.push("");
    while (!pending.isEmpty()) {
      String name = pending.pop();
      List<String> children = children(name);
      for (String child : children) {
        String childName = child.substring(child.lastIndexOf('/') + 1);
        if (childName.equals("_manifests")) {
          addIfListed(found, name, last);
        } else if (!childName.startsWith("_")) {
          String nested = name.isEmpty() ? childName : name + "/" + childName;
          if (mayContainAfter(nested, last)) {
            pending.push(nested);
          }
        }
      }
    }
    Collections.sort(found);
    return found;
  }

  private List<String> children(String name) throws IOException {
    String directory = name.isEmpty() ? LayoutPaths.REPOSITORIES : LayoutPaths.REPOSITORIES + "/" + name;
    try {
      return driver.list(directory);
    } catch (PathNotFoundException e) {
      return List.of();
    } catch (InvalidPathException e) {
      return List.of(); // a directory name no repository can have: nothing below it is listable either
    }
  }

  private static void addIfListed(List<RepositoryName> found, String name, String last) {
    if (!name.isEmpty() && RepositoryName.isValid(name) && (last == null || name.compareTo(last) > 0)) {
      found.add(new RepositoryName(name));
    }
  }

  /**
   * Whether the directory or anything below it can sort after {@code last}. Everything below starts with
   * {@code name + "/"}; when that prefix sorts before {@code last} and is not a prefix of it, so does every name
   * that starts with it.
   */
  static boolean mayContainAfter(String name, String last) {
    if (last == null) {
      return true;
    }
    String prefix = name + "/";
    return prefix.compareTo(last) > 0 || last.startsWith(prefix);
  }
}
