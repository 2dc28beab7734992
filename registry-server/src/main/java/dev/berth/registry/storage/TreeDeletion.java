package dev.berth.registry.storage;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Recursive delete that never follows symbolic links (a link is removed, its target is left alone). */
final class TreeDeletion {
  private TreeDeletion() {
  }

  /**
   * Deletes a file or a directory tree; with {@code keepTop} the top directory itself stays (the storage root).
   * Returns how many objects (files with visible names) were removed, so that the caller can tell "nothing was
   * there" from "an empty directory was cleaned up".
   */
  static long deleteTree(Path top, boolean keepTop) throws IOException {
    long[] objects = {0};
    Files.walkFileTree(top, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        if (Files.deleteIfExists(file) && RootedPaths.isVisibleName(file.getFileName().toString())) {
          objects[0]++;
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
        if (failure instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE;
        }
        throw failure;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
        if (failure != null && !(failure instanceof NoSuchFileException)) {
          throw failure;
        }
        if (!(keepTop && dir.equals(top))) {
          Files.deleteIfExists(dir);
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return objects[0];
  }
}
