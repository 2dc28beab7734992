package dev.berth.registry.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Puts files into place so that the directories on their way appear together with them: a crash never leaves a
 * directory that is listed but holds nothing (a tag directory without its link, a blob directory without its
 * data). Missing parents are built under an invisible {@code ~staging-*} name inside the deepest existing
 * directory, the file is moved in, and the whole chain is renamed into place in one step.
 */
final class AtomicPlacement {
  /** Retries when a concurrent writer creates, or a concurrent delete prunes, a directory we are working in. */
  static final int ATTEMPTS = 16;

  private final Path root;

  AtomicPlacement(Path root) {
    this.root = root;
  }

  /** A fresh name in a directory that no driver path can have (driver paths never contain '~'). */
  static Path scratch(Path directory, String purpose) {
    byte[] random = new byte[8];
    ThreadLocalRandom.current().nextBytes(random);
    return directory.resolve("~" + purpose + "-" + HexFormat.of().formatHex(random));
  }

  /** The deepest directory that exists at or above {@code dir}; the root at the latest. */
  Path deepestExistingDirectory(Path dir) {
    Path current = dir;
    while (!current.equals(root) && !Files.isDirectory(current)) {
      current = current.getParent();
    }
    return current;
  }

  /**
   * Moves {@code prepared} (a file under the root) to {@code target}, replacing a file there and creating the
   * missing parents atomically with it. When this fails, the file is still at {@code prepared}.
   */
  void place(Path prepared, Path target) throws IOException {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        if (tryPlace(prepared, target)) {
          return;
        }
      } catch (NoSuchFileException parentPrunedMeanwhile) {
        if (attempt == ATTEMPTS || !Files.exists(prepared, LinkOption.NOFOLLOW_LINKS)) {
          throw parentPrunedMeanwhile;
        }
      }
    }
    throw new FileSystemException(target.toString(), null, "directories kept changing while placing the file");
  }

  /** One attempt; false when another writer created the first missing directory first (then try again). */
  private boolean tryPlace(Path file, Path target) throws IOException {
    Path parent = target.getParent();
    if (Files.isDirectory(parent)) {
      Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      syncDirectory(parent);
      return true;
    }
    Path existing = deepestExistingDirectory(parent);
    if (existing.equals(parent)) {
      return false; // created by another writer since we looked
    }
    Path firstMissing = existing.resolve(parent.getName(existing.getNameCount()).toString());
    if (Files.exists(firstMissing, LinkOption.NOFOLLOW_LINKS)) {
      if (Files.isDirectory(firstMissing)) {
        return false; // created by another writer since we looked
      }
      throw new FileSystemException(firstMissing.toString(), null, "not a directory");
    }
    Path staging = scratch(existing, "staging");
    Files.createDirectory(staging);
    Path staged = staging.resolve(firstMissing.relativize(target).toString());
    try {
      Files.createDirectories(staged.getParent());
      Files.move(file, staged, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      TreeDeletion.deleteTree(staging, false);
      throw e;
    }
    try {
      Files.move(staging, firstMissing, StandardCopyOption.ATOMIC_MOVE);
      syncDirectory(existing);
      return true;
    } catch (IOException createdByAnotherWriter) {
      // Take the file back out (to where it was) and let the caller try again through the new directories.
      Files.move(staged, file, StandardCopyOption.ATOMIC_MOVE);
      TreeDeletion.deleteTree(staging, false);
      return false;
    }
  }

  /** Makes a rename durable across power loss; a failure here cannot undo the rename, so it is not fatal. */
  static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException unsupported) {
      // Some filesystems refuse fsync on directories; the rename itself has already happened.
    }
  }
}
