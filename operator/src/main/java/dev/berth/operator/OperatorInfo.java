package dev.berth.operator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts fixed at build time: the operator's version and the registry image of that version. */
public final class OperatorInfo {
  private static final String RESOURCE = "/berth-operator.properties";

  private OperatorInfo() {
  }

  public static String defaultRegistryImage() {
    return properties().getProperty("registry.image");
  }

  public static String version() {
    return properties().getProperty("operator.version");
  }

  private static Properties properties() {
    try (InputStream in = OperatorInfo.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the operator jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
