package io.eventflux.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionChainTest {
    @Test
    void namesSayTheBase() {
        assertThat(RevisionChain.full("001")).isEqualTo("001");
        assertThat(RevisionChain.incremental("002", "001")).isEqualTo("002-001");
        assertThat(RevisionChain.id("002-001")).isEqualTo("002");
        assertThat(RevisionChain.base("002-001")).contains("001");
        assertThat(RevisionChain.base("001")).isEmpty();
        assertThatThrownBy(() -> RevisionChain.incremental("2-x", "1")).hasMessageContaining("'2-x'");
    }

    @Test
    void removableKeepsTheNewestAndTheirWholeChains() {
        List<String> all = List.of("1", "2-1", "3-2", "4", "5-4", "6", "7-6");
        assertThat(RevisionChain.removable(all, 1)).containsExactly("1", "2-1", "3-2", "4", "5-4");
        assertThat(RevisionChain.removable(all, 3)).containsExactly("1", "2-1", "3-2");
        assertThat(RevisionChain.removable(all, 4)).containsExactly("1", "2-1", "3-2");
        assertThat(RevisionChain.removable(all, 5)).isEmpty();
        // a base that is not there any more (a store that pruned it) does not stop the others
        assertThat(RevisionChain.removable(List.of("3-2", "4", "5-4"), 1)).containsExactly("3-2");
        assertThatThrownBy(() -> RevisionChain.removable(all, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
