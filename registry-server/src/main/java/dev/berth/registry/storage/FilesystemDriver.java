package dev.berth.registry.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stores objects as files under a root directory with registry:2's layout: driver path
 * {@code /docker/registry/v2/...} is file {@code <root>/docker/registry/v2/...}, so registry:2 and Berth can
 * serve the same volume.
 *
 * <p>Directories exist only while they hold something, as in {@link InMemoryDriver}: new parents appear in one
 * rename together with the file that needs them ({@link AtomicPlacement}), a deleted directory disappears in one
 * rename before its content is removed, deletes and moves remove the parents they leave empty, and an empty
 * directory found on disk (registry:2 leaves them behind) is reported as absent. Names that are not valid path
 * segments (the '~' temporaries and staging directories a crash may leave) are never listed.
 */
public final class FilesystemDriver implements StorageDriver {
  private final RootedPaths paths;
  private final DirectoryListings listings = new DirectoryListings();
  private final AtomicPlacement placement;

  public FilesystemDriver(Path root) {
    this.paths = new RootedPaths(root);
    this.placement = new AtomicPlacement(paths.root());
  }

  @Override
  public String name() {
    return "filesystem";
  }

  @Override
  public byte[] getContent(String path) throws IOException {
    Path file = existingFile(path);
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new PathNotFoundException(path);
    }
  }

  /** Writes an fsynced '~' temporary in the deepest existing directory, then places it over the target. */
  @Override
  public void putContent(String path, byte[] content) throws IOException {
    Path target = paths.resolve(path);
    Path temp = newTemporary(target, content);
    try {
      placement.place(temp, target);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  @Override
  public InputStream reader(String path, long offset) throws IOException {
    Path file = existingFile(path);
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new PathNotFoundException(path);
    }
    try {
      channel.position(Math.max(offset, 0));
      return Channels.newInputStream(channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public FileWriter writer(String path, boolean append) throws IOException {
    Path file = paths.resolve(path);
    List<OpenOption> options = new ArrayList<>(List.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS));
    if (!append) {
      options.add(StandardOpenOption.TRUNCATE_EXISTING);
    }
    FileChannel channel = openWithParents(file, options.toArray(OpenOption[]::new));
    long size = channel.size();
    channel.position(size);
    return new FilesystemWriter(channel, size, () -> {
      Files.deleteIfExists(file);
      pruneEmptyParents(file);
    });
  }

  @Override
  public FileInfo stat(String path) throws IOException {
    Path local = paths.resolve(path);
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(local, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new PathNotFoundException(path);
    } catch (IOException e) {
      throw absentOr(local, path, e);
    }
    if (attributes.isDirectory()) {
      if (visibleChildren(local, path).isEmpty()) {
        throw new PathNotFoundException(path);
      }
      return new FileInfo(path, 0, attributes.lastModifiedTime().toInstant(), true);
    }
    return new FileInfo(path, attributes.size(), attributes.lastModifiedTime().toInstant(), false);
  }

  @Override
  public List<String> list(String path) throws IOException {
    String checked = StoragePaths.check(path);
    Optional<List<String>> remembered = rememberedListing(checked);
    if (remembered.isPresent()) {
      return remembered.get();
    }
    Path directory = paths.resolve(checked);
    long readStart = System.currentTimeMillis();
    BasicFileAttributes attributes = directoryAttributes(directory, path);
    List<String> children = visibleChildren(directory, path);
    if (children.isEmpty()) {
      throw new PathNotFoundException(path);
    }
    String prefix = StoragePaths.asPrefix(checked);
    List<String> listing = children.stream().map(name -> prefix + name).sorted().toList();
    listings.put(checked, attributes, listing, readStart);
    return listing;
  }

  /**
   * A listing read before, when the directory is still the same inode with the same time. Only directories that
   * passed {@link RootedPaths#resolve}'s symlink check were remembered, and a component swapped for a link
   * elsewhere would show a different inode here, so the check need not be repeated.
   */
  private Optional<List<String>> rememberedListing(String checked) {
    Path local = checked.equals("/") ? paths.root() : paths.root().resolve(checked.substring(1));
    try {
      BasicFileAttributes attributes = Files.readAttributes(local, BasicFileAttributes.class,
          LinkOption.NOFOLLOW_LINKS);
      return attributes.isDirectory() ? listings.get(checked, attributes) : Optional.empty();
    } catch (IOException absent) {
      return Optional.empty();
    }
  }

  private static BasicFileAttributes directoryAttributes(Path directory, String path) throws IOException {
    try {
      // Follows a link that resolve() proved stays inside the root; such a listing is never found again by the
      // no-follow lookup, so it is simply not remembered.
      BasicFileAttributes attributes = Files.readAttributes(directory, BasicFileAttributes.class);
      if (!attributes.isDirectory()) {
        throw new PathNotFoundException(path);
      }
      return attributes;
    } catch (NoSuchFileException e) {
      throw new PathNotFoundException(path);
    } catch (PathNotFoundException e) {
      throw e;
    } catch (IOException e) {
      throw absentOr(directory, path, e);
    }
  }

  @Override
  public void move(String sourcePath, String destPath) throws IOException {
    Path source = paths.resolve(sourcePath);
    Path dest = paths.resolve(destPath);
    if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
      throw new PathNotFoundException(sourcePath);
    }
    try {
      placement.place(source, dest);
    } catch (NoSuchFileException e) {
      if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
        throw new PathNotFoundException(sourcePath);
      }
      throw e;
    }
    pruneEmptyParents(source);
  }

  /** A directory is first renamed to an invisible name, so it vanishes in one step, then emptied at leisure. */
  @Override
  public void delete(String path) throws IOException {
    Path local = paths.resolve(path);
    if (!Files.exists(local, LinkOption.NOFOLLOW_LINKS)) {
      throw new PathNotFoundException(path);
    }
    long deletedObjects;
    if (local.equals(paths.root())) {
      deletedObjects = TreeDeletion.deleteTree(local, true);
    } else if (Files.isDirectory(local, LinkOption.NOFOLLOW_LINKS)) {
      Path doomed = AtomicPlacement.scratch(local.getParent(), "deleting");
      try {
        Files.move(local, doomed, StandardCopyOption.ATOMIC_MOVE);
      } catch (NoSuchFileException e) {
        throw new PathNotFoundException(path);
      }
      deletedObjects = TreeDeletion.deleteTree(doomed, false);
    } else {
      try {
        Files.delete(local);
      } catch (NoSuchFileException e) {
        throw new PathNotFoundException(path);
      }
      deletedObjects = RootedPaths.isVisibleName(local.getFileName().toString()) ? 1 : 0;
    }
    pruneEmptyParents(local);
    if (deletedObjects == 0) {
      throw new PathNotFoundException(path);
    }
  }

  @Override
  public Optional<Path> localFile(String path) {
    Path local = paths.resolve(path);
    return Files.isRegularFile(local) ? Optional.of(local) : Optional.empty();
  }

  private Path existingFile(String path) throws IOException {
    Path local = paths.resolve(path);
    if (!Files.isRegularFile(local)) {
      throw new PathNotFoundException(path);
    }
    return local;
  }

  /** An fsynced temporary holding the content, in the deepest existing directory on the target's way. */
  private Path newTemporary(Path target, byte[] content) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Path temp = AtomicPlacement.scratch(placement.deepestExistingDirectory(target.getParent()), "tmp");
      try {
        writeFully(temp, content);
        return temp;
      } catch (NoSuchFileException directoryPrunedMeanwhile) {
        if (attempt == AtomicPlacement.ATTEMPTS) {
          throw directoryPrunedMeanwhile;
        }
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(temp);
        throw e;
      }
    }
  }

  /** Opens the file, first placing an empty one (with its missing parents, atomically) when it has no directory. */
  private FileChannel openWithParents(Path file, OpenOption... options) throws IOException {
    for (int attempt = 1; ; attempt++) {
      if (!Files.isDirectory(file.getParent())) {
        Path empty = newTemporary(file, new byte[0]);
        try {
          placement.place(empty, file);
        } catch (IOException | RuntimeException e) {
          Files.deleteIfExists(empty);
          throw e;
        }
      }
      try {
        return FileChannel.open(file, options);
      } catch (NoSuchFileException parentPrunedMeanwhile) {
        if (attempt == AtomicPlacement.ATTEMPTS) {
          throw parentPrunedMeanwhile;
        }
      }
    }
  }

  private static void writeFully(Path file, byte[] content) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  private List<String> visibleChildren(Path directory, String path) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (RootedPaths.isVisibleName(name)) {
          names.add(name);
        }
      }
    } catch (NoSuchFileException e) {
      throw new PathNotFoundException(path);
    }
    return names;
  }

  /** Removes directories left empty, bottom-up, stopping at the first non-empty one and never at the root. */
  private void pruneEmptyParents(Path removed) {
    Path root = paths.root();
    for (Path dir = removed.getParent(); dir != null && dir.startsWith(root) && !dir.equals(root);
         dir = dir.getParent()) {
      try {
        Files.delete(dir);
      } catch (IOException notEmptyOrGone) {
        // DirectoryNotEmptyException: something still lives here, so every ancestor is in use too.
        return;
      }
    }
  }

  /** A read failed: when the path is simply not there (or a parent is a file), that is PathNotFound. */
  private static IOException absentOr(Path local, String path, IOException failure) {
    return Files.exists(local) ? failure : new PathNotFoundException(path);
  }
}
