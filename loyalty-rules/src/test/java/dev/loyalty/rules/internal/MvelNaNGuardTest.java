package dev.loyalty.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.loyalty.core.RuleEvaluationException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.drools.io.ByteArrayResource;
import org.junit.jupiter.api.Test;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.mvel2.DataConversion;

/** MVEL's conversion to long refuses NaN only while this engine fires or builds its rules, and converts everything else as before. */
class MvelNaNGuardTest {

    @Test
    void shouldRefuseNaNAsALongOnlyWhileTheThreadFiresTheEnginesRules() {
        int[] guard = MvelNaNGuard.firing();
        try {
            assertThatThrownBy(() -> DataConversion.convert(Double.NaN, long.class))
                    .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("NaN");
            assertThatThrownBy(() -> DataConversion.convert(Float.NaN, Long.class))
                    .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("NaN");
        } finally {
            MvelNaNGuard.done(guard);
        }
        // another user of MVEL in the JVM, or this thread after the firing, converts as MVEL does
        assertThat(DataConversion.convert(Double.NaN, long.class)).isEqualTo(0L);
        assertThat(DataConversion.convert(Double.NaN, Long.class)).isEqualTo(0L);
    }

    @Test
    void shouldConvertEveryOtherNumberAsMvelDoesWhileFiring() {
        int[] guard = MvelNaNGuard.firing();
        try {
            assertThat(DataConversion.convert(3.9, long.class)).isEqualTo(3L);
            assertThat(DataConversion.convert(-3.9f, long.class)).isEqualTo(-3L);
            assertThat(DataConversion.convert(Double.POSITIVE_INFINITY, long.class)).isEqualTo(Long.MAX_VALUE);
            assertThat(DataConversion.convert(7, Long.class)).isEqualTo(7L);
            assertThat(DataConversion.convert(new BigDecimal("12.75"), long.class)).isEqualTo(12L);
            assertThat(DataConversion.convert("42", long.class)).isEqualTo(42L);
            assertThat(DataConversion.canConvert(long.class, Double.class)).isTrue();
        } finally {
            MvelNaNGuard.done(guard);
        }
    }

    @Test
    void shouldKeepARefusalForTheThreadUntilItIsTaken() {
        int[] guard = MvelNaNGuard.firing();
        Throwable refused;
        try {
            refused = catchThrowable(() -> DataConversion.convert(Double.NaN, int.class));
        } finally {
            MvelNaNGuard.done(guard);
        }
        assertThat(refused).isInstanceOf(RuleEvaluationException.class);
        assertThat(MvelNaNGuard.takeRefusal()).isSameAs(refused);
        assertThat(MvelNaNGuard.takeRefusal()).isNull();
    }

    @Test
    void shouldStopRefusingWhenTheOutermostFiringEnds() {
        int[] outer = MvelNaNGuard.firing();
        int[] inner = MvelNaNGuard.firing();
        MvelNaNGuard.done(inner);
        assertThatThrownBy(() -> DataConversion.convert(Double.NaN, long.class)).isInstanceOf(RuleEvaluationException.class);
        MvelNaNGuard.done(outer);
        assertThat(DataConversion.convert(Double.NaN, long.class)).isEqualTo(0L);
    }

    @Test
    void shouldRefuseNaNAsALongWhileTheThreadBuildsTheEnginesRulesAndCountTheRefusal() {
        int[] scope = MvelNaNGuard.building();
        try {
            assertThatThrownBy(() -> DataConversion.convert(Double.NaN, long.class)).hasMessageContaining("constant NaN");
            assertThat(DataConversion.convert(2.5, long.class)).as("only NaN is refused").isEqualTo(2L);
            assertThat(MvelNaNGuard.refusedWhileBuilding(scope)).isEqualTo(1);
        } finally {
            MvelNaNGuard.done(scope);
        }
        assertThat(DataConversion.convert(Double.NaN, long.class)).isEqualTo(0L);
        assertThat(MvelNaNGuard.takeRefusal()).as("a refusal while building is not one of a firing").isNull();
    }

    @Test
    void shouldLetAnotherUsersDroolsBuildKeepAConstantNaNWhileAnotherThreadBuildsTheEnginesRules() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch built = new CountDownLatch(1);
        Thread engineBuild = new Thread(() -> {
            int[] scope = MvelNaNGuard.building();
            try {
                entered.countDown();
                built.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                MvelNaNGuard.done(scope);
            }
        });
        engineBuild.start();
        try {
            entered.await();
            KnowledgeBuilder other = KnowledgeBuilderFactory.newKnowledgeBuilder();
            other.add(new ByteArrayResource(("package other;\nrule \"r\"\n    dialect \"mvel\"\nwhen\nthen\n"
                    + "    long n = 0 / 0;\n    System.out.print(n);\nend\n").getBytes(StandardCharsets.UTF_8)), ResourceType.DRL);

            assertThat(other.getErrors()).isEmpty();
        } finally {
            built.countDown();
            engineBuild.join();
        }
    }
}
