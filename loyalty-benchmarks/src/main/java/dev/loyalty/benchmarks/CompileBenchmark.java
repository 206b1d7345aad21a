package dev.loyalty.benchmarks;

import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberStatus;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.RuleContext;
import dev.loyalty.rules.DroolsRuleEngine;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a rule-set swap costs before the swap itself: compiling the default pack plus
 * {@code skuCampaigns} generated campaigns into a {@link DroolsRuleEngine} and evaluating the
 * first purchase with it (the cold first firing included), one build per measurement, after
 * warm-up builds so the JVM itself is warm.
 *
 * <p>Run: {@code java -jar loyalty-benchmarks/target/benchmarks.jar CompileBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class CompileBenchmark {

    /** How many SKU campaigns the rule set holds besides the default pack. */
    @Param({"0", "1000"})
    public int skuCampaigns;

    private String drl;
    private RuleContext first;

    /** Generates the DRL and the first purchase. */
    @Setup(Level.Trial)
    public void setUp() {
        drl = SkuCampaigns.drl(skuCampaigns);
        SyntheticShop shop = SyntheticShop.generate(42, 10, 1);
        Purchase purchase = shop.purchase(0, 0);
        ProgramSettings program = ProgramSettings.builder().currency("GBP").zone("Europe/London").build();
        Member member = new Member(purchase.memberId(), SyntheticShop.START, "gold", MemberStatus.ACTIVE, null, null);
        first = new RuleContext(member, Points.ZERO, purchase, LocalDate.ofInstant(purchase.occurredAt(), program.zone()), program.zone(), program);
    }

    /**
     * Compiles the rule set, evaluates one purchase and closes the engine.
     *
     * @return the evaluation, consumed by JMH
     */
    @Benchmark
    public Evaluation compileAndEvaluateFirst() {
        DroolsRuleEngine.Builder builder = DroolsRuleEngine.builder().defaultCampaigns();
        if (skuCampaigns > 0) {
            builder.drl("sku-campaigns.drl", drl);
        }
        try (DroolsRuleEngine engine = builder.build()) {
            return engine.evaluate(first);
        }
    }
}
