package dev.berth.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on members of OCI error objects. */
final class JsonAssert {
  private JsonAssert() {
  }

  static void detail(JsonNode error, String expected) {
    assertThat(error.path("detail").asText()).isEqualTo(expected);
  }
}
