package dev.loyalty.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.InvalidInputException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IdsTest {

    static Stream<Arguments> ids() {
        return Stream.of(
                Arguments.of("memberId", (Function<String, Object>) MemberId::of),
                Arguments.of("eventId", (Function<String, Object>) EventId::of));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void shouldRejectWhenNull(String field, Function<String, Object> factory) {
        assertThatThrownBy(() -> factory.apply(null)).isInstanceOf(InvalidInputException.class)
                .hasMessage(field + " must not be null");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void shouldRejectWhenBlank(String field, Function<String, Object> factory) {
        assertThatThrownBy(() -> factory.apply("")).isInstanceOf(InvalidInputException.class).hasMessage(field + " must not be blank");
        assertThatThrownBy(() -> factory.apply(" \t ")).isInstanceOf(InvalidInputException.class).hasMessage(field + " must not be blank");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void shouldRejectWhenLongerThan128Characters(String field, Function<String, Object> factory) {
        assertThat(factory.apply("x".repeat(128))).hasToString("x".repeat(128));
        assertThatThrownBy(() -> factory.apply("x".repeat(129))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(field).hasMessageContaining("129");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void shouldRejectWhenItHoldsControlCharacters(String field, Function<String, Object> factory) {
        for (String bad : new String[] {"a\nb", "a\u0000b", "a\u007fb", "a\u0085b"}) {
            assertThatThrownBy(() -> factory.apply(bad)).as("%s", bad.codePoints().toArray())
                    .isInstanceOf(InvalidInputException.class).hasMessage(field + " must not contain control characters");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void shouldRejectWhenItHoldsAnUnpairedSurrogate(String field, Function<String, Object> factory) {
        for (String bad : new String[] {"m-\uD800", "\uDC00-m", "a\uD83Db", "a\uDE00\uD83Db"}) {
            assertThatThrownBy(() -> factory.apply(bad)).as("%s", bad.chars().toArray())
                    .isInstanceOf(InvalidInputException.class).hasMessageStartingWith(field + " has an unpaired surrogate");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void shouldStripSurroundingWhiteSpaceWhenCreated(String field, Function<String, Object> factory) {
        assertThat(factory.apply("  42 ")).isEqualTo(factory.apply("42")).hasToString("42");
    }

    @org.junit.jupiter.api.Test
    void shouldRejectAMemberIdWithACharacterBeyondTheBasicMultilingualPlane() {
        assertThatThrownBy(() -> MemberId.of("fan-\uD83D\uDE00")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("memberId has the character U+1F600 at index 4, beyond U+FFFF");
    }

    @org.junit.jupiter.api.Test
    void shouldOrderMemberIdsAsTheirCodePointsDoUpToTheEndOfTheBasicMultilingualPlane() {
        // U+FF21 (a fullwidth A) after U+E000 and U+00E9: the same order as UTF-8 bytes, which PostgreSQL's "C" collation compares
        assertThat(MemberId.of("\uE000").compareTo(MemberId.of("\uFF21"))).isNegative();
        assertThat(MemberId.of("\u00E9").compareTo(MemberId.of("\uE000"))).isNegative();
    }

    @org.junit.jupiter.api.Test
    void shouldOrderMemberIdsByTextWhenCompared() {
        assertThat(MemberId.of("a").compareTo(MemberId.of("b"))).isNegative();
        assertThat(MemberId.of("Z").compareTo(MemberId.of("a"))).isNegative();
    }
}
