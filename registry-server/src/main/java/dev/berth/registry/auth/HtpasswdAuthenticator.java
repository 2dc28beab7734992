package dev.berth.registry.auth;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether Basic credentials name a user of the htpasswd file with the right password: first from the
 * verification cache (cheap, safe on the event loop), otherwise with one bcrypt evaluation (blocking, for a
 * worker thread). Only successes are cached, so a wrong password always pays the full bcrypt price.
 */
public final class HtpasswdAuthenticator {
  private static final Logger LOG = LoggerFactory.getLogger(HtpasswdAuthenticator.class);

  private final HtpasswdFile file;
  private final VerificationCache cache;
  private final BcryptVerifier bcrypt;

  public HtpasswdAuthenticator(HtpasswdFile file) {
    this(file, new VerificationCache());
  }

  HtpasswdAuthenticator(HtpasswdFile file, VerificationCache cache) {
    this(file, cache, new BcryptVerifier());
  }

  HtpasswdAuthenticator(HtpasswdFile file, VerificationCache cache, BcryptVerifier bcrypt) {
    this.file = file;
    this.cache = cache;
    this.bcrypt = bcrypt;
  }

  /**
   * Whether the credentials were verified before against the current file content. Non-blocking; answers no
   * whenever the file is due for a re-read, so that a removed user or a changed password is noticed first.
   */
  public boolean verifiedBefore(BasicCredentials credentials) {
    if (file.checkDue()) {
      return false;
    }
    Optional<String> hash = file.hashFor(credentials.user());
    return hash.isPresent() && cache.contains(credentials.user(), hash.get(), credentials.password());
  }

  /** Blocking: re-reads the file when due, then checks the password (one bcrypt unless cached). */
  public boolean verify(BasicCredentials credentials) {
    file.reloadIfDue();
    String user = credentials.user();
    Optional<String> hash = file.hashFor(user);
    if (hash.isEmpty()) {
      LOG.info("authentication failed: no user \"{}\" in {}", credentials.printableUser(), file.path());
      return bcrypt.rejectUnknownUser(credentials.password());
    }
    if (cache.contains(user, hash.get(), credentials.password())) {
      return true;
    }
    if (!bcrypt.verify(hash.get(), credentials.password())) {
      LOG.info("authentication failed: wrong password for user \"{}\"", credentials.printableUser());
      return false;
    }
    cache.remember(user, hash.get(), credentials.password());
    return true;
  }
}
