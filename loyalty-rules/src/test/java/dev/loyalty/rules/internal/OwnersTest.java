package dev.loyalty.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OwnersTest {

    @Test
    void shouldFindEachFactsEventWhenTheHandleIdsFormOneRange() {
        RuleSet.Owners.Builder builder = new RuleSet.Owners.Builder(2);
        long[] ids = {40, 41, 42, 43, 44, 45};
        int[] events = {0, 0, 1, 2, 2, 2};
        for (int k = 0; k < ids.length; k++) {
            builder.add(ids[k], events[k]);
        }

        RuleSet.Owners owners = builder.build();

        for (int k = 0; k < ids.length; k++) {
            assertThat(owners.eventOf(ids[k])).as("event of fact %d", ids[k]).isEqualTo(events[k]);
        }
    }

    @Test
    void shouldFindEachFactsEventWhenTheHandleIdsHaveGaps() {
        RuleSet.Owners.Builder builder = new RuleSet.Owners.Builder(16);
        long[] ids = {3, 4, 9, 10, 11, 20};
        int[] events = {0, 0, 1, 1, 2, 3};
        for (int k = 0; k < ids.length; k++) {
            builder.add(ids[k], events[k]);
        }

        RuleSet.Owners owners = builder.build();

        for (int k = 0; k < ids.length; k++) {
            assertThat(owners.eventOf(ids[k])).as("event of fact %d", ids[k]).isEqualTo(events[k]);
        }
    }

    @Test
    void shouldRefuseAHandleOutsideTheBatchsRange() {
        RuleSet.Owners.Builder builder = new RuleSet.Owners.Builder(4);
        builder.add(7, 0);
        builder.add(8, 1);

        RuleSet.Owners owners = builder.build();

        assertThatThrownBy(() -> owners.eventOf(9)).isInstanceOf(IllegalStateException.class).hasMessageContaining("fact handle 9");
        assertThatThrownBy(() -> owners.eventOf(6)).isInstanceOf(IllegalStateException.class);
    }
}
