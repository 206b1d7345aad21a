package dev.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Typed errors": every exception it lists extends LoyaltyException, so one catch holds them all. */
class ExceptionHierarchyTest {

    @Test
    void shouldHaveEveryDocumentedErrorExtendLoyaltyException() {
        List<Class<?>> documented = List.of(EventConflictException.class, InvalidInputException.class, CurrencyMismatchException.class,
                UnknownMemberException.class, MemberAlreadyEnrolledException.class, MemberNotActiveException.class,
                InsufficientPointsException.class, HoldStateException.class, OfferNotRedeemableException.class,
                PointsOverflowException.class, RuleEvaluationException.class, RuleDefinitionException.class, StoreException.class);

        assertThat(documented).allSatisfy(type -> assertThat(LoyaltyException.class).isAssignableFrom(type));
    }
}
