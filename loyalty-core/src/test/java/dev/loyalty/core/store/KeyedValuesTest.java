package dev.loyalty.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The store's values by key keep a linked hash map's order and replacements, through collisions and growth. */
class KeyedValuesTest {

    private record Item(String id, int version) {
    }

    /** Keys whose hash codes collide in pairs and fours ("Aa" and "BB" hash alike), then plain ones. */
    private static final List<String> KEYS = keys();

    private static List<String> keys() {
        List<String> keys = new ArrayList<>(List.of("Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB"));
        for (int i = 0; i < 400; i++) {
            keys.add("evt-" + i);
        }
        return keys;
    }

    @Test
    void shouldPutAndOrderAsALinkedHashMapDoesWhateverTheKeys() {
        qt().withFixedSeed(21L).withExamples(300)
                .forAll(lists().of(integers().between(0, KEYS.size() - 1)).ofSizeBetween(1, 700))
                .checkAssert(picks -> {
                    KeyedValues<Item> values = new KeyedValues<>(Item::id);
                    Map<String, Item> reference = new LinkedHashMap<>();
                    for (int i = 0; i < picks.size(); i++) {
                        Item item = new Item(KEYS.get(picks.get(i)), i);
                        assertThat(values.put(item)).isEqualTo(reference.put(item.id(), item));
                    }
                    assertThat(values.copy()).containsExactlyElementsOf(reference.values());
                });
    }

    @Test
    void shouldKeepKeysWithTheSameHashCodeApart() {
        KeyedValues<Item> values = new KeyedValues<>(Item::id);
        values.put(new Item("Aa", 1));
        values.put(new Item("BB", 2));

        Item replaced = values.put(new Item("Aa", 3));

        assertThat(replaced).isEqualTo(new Item("Aa", 1));
        assertThat(values.copy()).containsExactly(new Item("Aa", 3), new Item("BB", 2));
    }

    @Test
    void shouldKeepEveryValueFoundAfterTheIndexGrowsManyTimes() {
        KeyedValues<Item> values = new KeyedValues<>(Item::id);
        for (int i = 0; i < 5_000; i++) {
            values.put(new Item("lot-" + i, 0));
        }
        for (int i = 0; i < 5_000; i++) {
            assertThat(values.put(new Item("lot-" + i, 1))).isEqualTo(new Item("lot-" + i, 0));
        }
        assertThat(values.copy()).hasSize(5_000).allMatch(item -> item.version() == 1);
    }

    @Test
    void shouldHandOutACopyThatLaterPutsLeaveAlone() {
        KeyedValues<Item> values = new KeyedValues<>(Item::id);
        values.put(new Item("a", 1));
        List<Item> copy = values.copy();

        values.put(new Item("a", 2));
        values.put(new Item("b", 1));

        assertThat(copy).containsExactly(new Item("a", 1));
    }
}
