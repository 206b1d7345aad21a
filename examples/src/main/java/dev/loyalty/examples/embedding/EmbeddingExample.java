package dev.loyalty.examples.embedding;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import java.time.Clock;
import java.time.Instant;

/**
 * The embedding example of the README, as code that is compiled and run by a test: enrol a
 * member, process a purchase, print the explanation.
 */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    /**
     * Runs the example with the given clock.
     *
     * @param clock the engine's clock; purchases are dated by it
     * @return the purchase's outcome
     */
    public static Outcome run(Clock clock) {
        ProgramSettings program = ProgramSettings.builder()
                .currency("GBP").zone("Europe/London").build();

        try (LoyaltyEngine engine = LoyaltyEngine.builder()
                .program(program)
                .clock(clock)                             // inject your own clock in tests
                .build()) {                               // default campaigns and in-memory store
            MemberId alice = MemberId.of("alice");
            Instant now = clock.instant();
            engine.process(Enrolment.of(EventId.of("enrol-alice"), alice, now));
            Outcome outcome = engine.process(Purchase.builder(EventId.of("order-1001"), alice, now)
                    .line("85123A", "home", 2, Money.of("2.95", "GBP"))
                    .line("POST", "service", 1, Money.of("4.00", "GBP"))
                    .build());
            System.out.println(outcome.explanation().toText());   // which rule earned what, and why
            return outcome;
        }
    }

    /**
     * Runs the example on the system clock.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(Clock.systemUTC());
    }
}
