package dev.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExplanationTest {

    private static final Explanation.Step STEP = new Explanation.Step("BASE-01", "1 point per pound", 5, "1 x 5.90 GBP");

    @Test
    void shouldWriteTheTextOnceWhenALazyExplanationIsReadAgain() {
        AtomicInteger writes = new AtomicInteger();
        Explanation lazy = Explanation.lazy(() -> "summary " + writes.incrementAndGet(), () -> List.of(STEP));

        String first = lazy.toText();
        String second = lazy.toText();

        assertThat(first).isEqualTo(second).isEqualTo("summary 1\n  +5  BASE-01: 1 point per pound (1 x 5.90 GBP)");
        assertThat(writes).hasValue(1);
    }

    @Test
    void shouldEqualAnEagerExplanationWhenTheTextIsTheSame() {
        Explanation lazy = Explanation.lazy(() -> "summary", () -> List.of(STEP));
        Explanation eager = new Explanation("summary", List.of(STEP));

        assertThat(lazy).isEqualTo(eager).hasSameHashCodeAs(eager).hasToString(eager.toString());
        assertThat(lazy).isNotEqualTo(new Explanation("summary", List.of()));
    }
}
