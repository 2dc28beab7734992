package dev.berth.registry.api;

import java.io.IOException;

/** What one repository holds, as far as a manifest's references are concerned. */
public interface ContentLookup {

  /** The blob is linked into the repository and its data exists. */
  boolean blobExists(Digest digest) throws IOException;

  /** The manifest is a revision of the repository and its content exists. */
  boolean manifestExists(Digest digest) throws IOException;
}
