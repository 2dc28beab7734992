package dev.berth.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.api.RepositoryName;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepositoryCatalogTest {
  private final List<String> listed = new ArrayList<>();
  private final InMemoryDriver memory = new InMemoryDriver();

  /** Records which directories the walk lists, to show what it skips. */
  private final StorageDriver driver = new ListRecordingDriver(memory, listed);

  private void repository(String name) throws IOException {
    memory.putContent(LayoutPaths.REPOSITORIES + "/" + name + "/_manifests/revisions/sha256/aa/link", new byte[] {1});
  }

  private List<String> names(String last) throws IOException {
    return new RepositoryCatalog(driver).after(last).stream().map(RepositoryName::value).toList();
  }

  @Test
  void findsNestedRepositoriesInOrder() throws IOException {
    repository("b");
    repository("a/c");
    repository("a");
    repository("a-b");
    repository("x/y/z");
    assertThat(names(null)).containsExactly("a", "a-b", "a/c", "b", "x/y/z");
  }

  @Test
  void repositoryWithOnlyBlobsOrUploadsIsNotListed() throws IOException {
    memory.putContent(LayoutPaths.REPOSITORIES + "/blobsonly/_layers/sha256/aa/link", new byte[] {1});
    memory.putContent(LayoutPaths.REPOSITORIES + "/uploading/_uploads/id/data", new byte[] {1});
    repository("real");
    assertThat(names(null)).containsExactly("real");
  }

  @Test
  void neverDescendsIntoUnderscoreDirectories() throws IOException {
    repository("a");
    memory.putContent(LayoutPaths.REPOSITORIES + "/a/_manifests/tags/t/current/link", new byte[] {1});
    names(null);
    assertThat(listed).noneMatch(path -> path.contains("/_"));
  }

  @Test
  void lastSkipsEarlierNamesAndTheirSubtrees() throws IOException {
    repository("a/b/c");
    repository("a/d");
    repository("m");
    repository("z");
    assertThat(names("m")).containsExactly("z");
    assertThat(listed).doesNotContain(LayoutPaths.REPOSITORIES + "/a");
    listed.clear();
    assertThat(names("a/b")).containsExactly("a/b/c", "a/d", "m", "z");
  }

  @Test
  void emptyStorageHasNoRepositories() throws IOException {
    assertThat(names(null)).isEmpty();
  }
}
