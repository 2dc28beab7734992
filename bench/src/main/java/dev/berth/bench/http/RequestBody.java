package dev.berth.bench.http;

import java.nio.file.Path;

/** What a request carries after its headers: nothing, bytes in memory, or a slice of a file sent with sendfile. */
public sealed interface RequestBody {
  RequestBody EMPTY = new Empty();

  long length();

  record Empty() implements RequestBody {
    @Override
    public long length() {
      return 0;
    }
  }

  record Bytes(byte[] bytes) implements RequestBody {
    @Override
    public long length() {
      return bytes.length;
    }
  }

  /** A region of a file, so 100 MiB bodies are streamed from disk rather than held in the heap. */
  record FileRegion(Path path, long offset, long length) implements RequestBody {
    public FileRegion {
      if (offset < 0 || length < 0) {
        throw new IllegalArgumentException("file region needs a non-negative offset and length: " + offset
            + "+" + length);
      }
    }
  }
}
