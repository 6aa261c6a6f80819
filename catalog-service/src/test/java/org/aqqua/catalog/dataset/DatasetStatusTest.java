package org.aqqua.catalog.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatasetStatusTest {

    @Test
    void releaseOnlyFromReady() {
        assertThat(DatasetStatus.READY.canMoveTo(DatasetStatus.RELEASED)).isTrue();
        assertThat(DatasetStatus.DRAFT.canMoveTo(DatasetStatus.RELEASED)).isFalse();
        assertThat(DatasetStatus.RECEIVING.canMoveTo(DatasetStatus.RELEASED)).isFalse();
    }

    @Test
    void releasedCanOnlyBeWithdrawnAndWithdrawnIsFinal() {
        assertThat(DatasetStatus.RELEASED.successors()).containsExactly(DatasetStatus.WITHDRAWN);
        assertThat(DatasetStatus.WITHDRAWN.successors()).isEmpty();
        assertThat(DatasetStatus.WITHDRAWN.canMoveTo(DatasetStatus.WITHDRAWN)).isTrue();
    }

    @Test
    void wireNamesAreLowerCaseAndUnknownOnesRefused() {
        assertThat(DatasetStatus.fromWireName("receiving")).isEqualTo(DatasetStatus.RECEIVING);
        assertThat(DatasetStatus.READY.wireName()).isEqualTo("ready");
        assertThatThrownBy(() -> DatasetStatus.fromWireName("READY")).hasMessageContaining("unknown status 'READY'");
    }
}
