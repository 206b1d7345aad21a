package dev.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exceptions cross process boundaries in hosts that serialize them (remote calls, job queues,
 * distributed caches): those carrying a member id, an event id or rule problems keep them.
 */
class ExceptionSerializationTest {

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void shouldKeepTheMemberIdOfAnUnknownMemberThroughSerialization() throws Exception {
        UnknownMemberException copy = roundTrip(new UnknownMemberException(MemberId.of("m-1")));

        assertThat(copy.memberId()).isEqualTo(MemberId.of("m-1"));
        assertThat(copy).hasMessage("member m-1 is not enrolled");
    }

    @Test
    void shouldKeepTheEventIdOfAConflictThroughSerialization() throws Exception {
        EventConflictException copy = roundTrip(new EventConflictException(EventId.of("p-1"), "first processed as a purchase"));

        assertThat(copy.eventId()).isEqualTo(EventId.of("p-1"));
    }

    @Test
    void shouldKeepTheProblemsOfARuleDefinitionThroughSerialization() throws Exception {
        RuleProblem problem = new RuleProblem("spring.drl", 7, 3, "S-01", "unknown type Purchse");

        RuleDefinitionException copy = roundTrip(new RuleDefinitionException(List.of(problem), ""));

        assertThat(copy.problems()).containsExactly(problem);
    }
}
