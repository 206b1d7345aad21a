package dev.loyalty.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Values are texts such as {@code "k3:7"}, whose key is the part before the colon. */
class KeyedWorkingCopyTest {

    private static final List<String> STORED = List.of("k1:stored", "k2:stored");

    private static KeyedWorkingCopy<String> copyOf(List<String> stored, AtomicInteger reads) {
        return new KeyedWorkingCopy<>(null, view -> {
            reads.incrementAndGet();
            return stored;
        }, value -> value.substring(0, value.indexOf(':')));
    }

    @Test
    void shouldNotReadTheStoredValuesWhenOnlyPutAndChangedAreUsed() {
        AtomicInteger reads = new AtomicInteger();
        KeyedWorkingCopy<String> copy = copyOf(STORED, reads);

        copy.put("k1:new");

        assertThat(copy.changed()).containsExactly("k1:new");
        assertThat(reads).hasValue(0);
    }

    @Test
    void shouldKnowOnlyThePutValuesWithoutReadingTheStoredOnesThenEveryValueOnceRead() {
        AtomicInteger reads = new AtomicInteger();
        KeyedWorkingCopy<String> copy = copyOf(STORED, reads);
        copy.put("k3:new");

        assertThat(copy.known("k3")).isEqualTo("k3:new");
        assertThat(copy.known("k1")).isNull();
        assertThat(copy.read()).isFalse();
        assertThat(reads).hasValue(0);

        copy.all();

        assertThat(copy.read()).isTrue();
        assertThat(copy.known("k1")).isEqualTo("k1:stored");
        assertThat(copy.known("k4")).isNull();
    }

    @Test
    void shouldListTheStoredValuesThenTheNewOnesWithTheChangesApplied() {
        KeyedWorkingCopy<String> copy = copyOf(STORED, new AtomicInteger());

        copy.put("k3:new");
        copy.put("k1:changed");

        assertThat(copy.all()).containsExactly(Map.entry("k1", "k1:changed"), Map.entry("k2", "k2:stored"), Map.entry("k3", "k3:new"));
    }

    @Test
    void shouldShowAPutMadeAfterTheFirstReadInAll() {
        KeyedWorkingCopy<String> copy = copyOf(STORED, new AtomicInteger());
        copy.all();

        copy.put("k2:changed");

        assertThat(copy.all()).containsEntry("k2", "k2:changed");
        assertThat(copy.changed()).containsExactly("k2:changed");
    }

    @Test
    void shouldKeepTheLatestValueOfEachKeyInTheOrderKeysWereFirstPutWhenPutManyTimes() {
        // up to 40 puts of 30 keys: the walk over a few values and the index past WALKED of them, against a LinkedHashMap
        qt().forAll(lists().of(integers().between(0, 29)).ofSizeBetween(0, 40), integers().between(0, 40))
                .checkAssert((keys, readAt) -> {
                    KeyedWorkingCopy<String> copy = copyOf(STORED, new AtomicInteger());
                    Map<String, String> changed = new LinkedHashMap<>();
                    Map<String, String> all = new LinkedHashMap<>();
                    STORED.forEach(value -> all.put(value.substring(0, 2), value));
                    for (int i = 0; i < keys.size(); i++) {
                        if (i == readAt) {
                            copy.all();
                        }
                        String value = "k" + keys.get(i) + ":" + i;
                        copy.put(value);
                        changed.put("k" + keys.get(i), value);
                        all.put("k" + keys.get(i), value);
                    }

                    assertThat(copy.changed()).isEqualTo(new ArrayList<>(changed.values()));
                    assertThat(new ArrayList<>(copy.all().entrySet())).isEqualTo(new ArrayList<>(all.entrySet()));
                });
    }
}
