package dev.berth.registry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PaginationTest {
  private static final List<String> ENTRIES = List.of("a", "b", "c");

  @Test
  void withoutLimitEverythingIsOnePage() {
    Pagination.Page<String> page = Pagination.parse(null, null, null, null).page(ENTRIES);
    assertThat(page.entries()).containsExactly("a", "b", "c");
    assertThat(page.nextAfter()).isNull();
  }

  @Test
  void limitCutsThePageAndNamesTheNextStart() {
    Pagination pagination = Pagination.parse("2", null, null, null);
    Pagination.Page<String> page = pagination.page(ENTRIES);
    assertThat(page.entries()).containsExactly("a", "b");
    assertThat(page.nextAfter()).isEqualTo("b");
    assertThat(pagination.nextLink("/v2/x/tags/list", "b", s -> s))
        .isEqualTo("</v2/x/tags/list?n=2&last=b>; rel=\"next\"");
  }

  @Test
  void limitEqualToTheRemainderHasNoNextPage() {
    assertThat(Pagination.parse("3", null, null, null).page(ENTRIES).nextAfter()).isNull();
  }

  @Test
  void zeroGivesAnEmptyPageWithoutNext() {
    Pagination.Page<String> page = Pagination.parse("0", null, null, null).page(ENTRIES);
    assertThat(page.entries()).isEmpty();
    assertThat(page.nextAfter()).isNull();
  }

  @Test
  void defaultAndMaximumApply() {
    assertThat(Pagination.parse(null, null, 100, 1000).limit()).isEqualTo(100);
    assertThat(Pagination.parse("5000", null, 100, 1000).limit()).isEqualTo(1000);
    assertThat(Pagination.parse("7", "", 100, 1000).last()).isNull();
  }

  @Test
  void nonNumericLimitIsPaginationNumberInvalid() {
    for (String bad : List.of("-1", "abc", "1.5", "99999999999")) {
      assertThatThrownBy(() -> Pagination.parse(bad, null, null, null))
          .isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PAGINATION_NUMBER_INVALID);
            assertThat(e.status()).isEqualTo(400);
          });
    }
  }

  @Test
  void linkEncodesTheLastEntry() {
    assertThat(Pagination.parse("1", null, null, null).nextLink("/v2/_catalog", "a/b", s -> s))
        .isEqualTo("</v2/_catalog?n=1&last=a%2Fb>; rel=\"next\"");
  }
}
