package dev.berth.registry.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * The user and password of an {@code Authorization: Basic …} header. Parsing never throws anything but
 * {@link MalformedCredentialsException}, whose message is safe to show to the client (it never echoes the
 * header), so a malformed header is answered with 401, not 500. The password stays as the bytes the client
 * sent: bcrypt compares bytes, and a password never needs to become a String.
 */
public record BasicCredentials(String user, byte[] password) {
  private static final String SCHEME = "basic";
  /** Far beyond any real user:password, small enough that decoding never costs anything. */
  private static final int MAX_HEADER_LENGTH = 8192;

  public static BasicCredentials parse(String header) {
    String value = header.strip();
    int space = value.indexOf(' ');
    if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals(SCHEME)) {
      throw new MalformedCredentialsException("only Basic authentication is supported");
    }
    if (value.length() > MAX_HEADER_LENGTH) {
      throw new MalformedCredentialsException("the Authorization header is too long");
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(value.substring(space + 1).strip());
    } catch (IllegalArgumentException e) {
      throw new MalformedCredentialsException("the Basic credentials are not valid base64");
    }
    int colon = indexOf(decoded, (byte) ':');
    if (colon < 0) {
      throw new MalformedCredentialsException("the Basic credentials have no ':' between user and password");
    }
    String user = utf8(Arrays.copyOfRange(decoded, 0, colon));
    byte[] password = Arrays.copyOfRange(decoded, colon + 1, decoded.length);
    if (user.isEmpty() && password.length > 0) {
      throw new MalformedCredentialsException("the Basic credentials have an empty user name");
    }
    return new BasicCredentials(user, password);
  }

  /**
   * {@code Basic Og==}, an empty user and password: what some clients (skopeo's {@code --no-creds}) send when
   * they have no credentials; it means "anonymous", not a failed login.
   */
  public boolean isEmpty() {
    return user.isEmpty() && password.length == 0;
  }

  private static int indexOf(byte[] bytes, byte wanted) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedCredentialsException("the user name in the Basic credentials is not UTF-8");
    }
  }

  /** The user name fit for a log line: control characters replaced, length capped. */
  public String printableUser() {
    String shown = user.length() > 100 ? user.substring(0, 100) + "…" : user;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }

  @Override
  public String toString() {
    return "BasicCredentials[user=" + user + ", password=<hidden>]";
  }
}
