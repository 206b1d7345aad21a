package dev.loyalty.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OwnersTest {

    @Test
    void shouldFindEachFactsEventWhenTheHandleIdsFormOneRange() {
        assertEachFactFindsItsEvent(new long[] {40, 41, 42, 43, 44, 45}, new int[] {0, 0, 1, 2, 2, 2});
    }

    @Test
    void shouldFindEachFactsEventWhenTheHandleIdsHaveGaps() {
        assertEachFactFindsItsEvent(new long[] {3, 4, 9, 10, 11, 20}, new int[] {0, 0, 1, 1, 2, 3});
    }

    @Test
    void shouldRefuseAHandleOutsideTheBatchsRange() {
        Owners owners = owners(new long[] {7, 8}, new int[] {0, 1});

        assertThatThrownBy(() -> owners.eventOf(9)).isInstanceOf(IllegalStateException.class).hasMessageContaining("fact handle 9");
        assertThatThrownBy(() -> owners.eventOf(6)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseAHandleBetweenTheBatchsIdsWhenTheyHaveGaps() {
        Owners owners = owners(new long[] {3, 4, 9}, new int[] {0, 0, 1});

        assertThatThrownBy(() -> owners.eventOf(5)).isInstanceOf(IllegalStateException.class).hasMessageContaining("fact handle 5");
        assertThatThrownBy(() -> owners.eventOf(10)).isInstanceOf(IllegalStateException.class);
    }

    private static void assertEachFactFindsItsEvent(long[] ids, int[] events) {
        Owners owners = owners(ids, events);

        for (int k = 0; k < ids.length; k++) {
            assertThat(owners.eventOf(ids[k])).as("event of fact %d", ids[k]).isEqualTo(events[k]);
        }
    }

    /** Builds from a small capacity, so that the builder grows its arrays too. */
    private static Owners owners(long[] ids, int[] events) {
        Owners.Builder builder = new Owners.Builder(1);
        for (int k = 0; k < ids.length; k++) {
            builder.add(ids[k], events[k]);
        }
        return builder.build();
    }
}
