package dev.berth.bench.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkHeaderTest {

  @Test
  void nextTargetIsRead() {
    assertThat(LinkHeader.next("</v2/_catalog?last=b&n=100>; rel=\"next\"")).contains("/v2/_catalog?last=b&n=100");
  }

  @Test
  void otherRelationsAndAbsenceGiveNothing() {
    assertThat(LinkHeader.next(null)).isEmpty();
    assertThat(LinkHeader.next("</v2/x>; rel=\"prev\"")).isEmpty();
    assertThat(LinkHeader.next("</a>; rel=\"prev\", </b>; rel=next")).contains("/b");
  }
}
