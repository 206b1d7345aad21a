package dev.loyalty.core;

import static dev.loyalty.core.testing.Fixtures.assertInvalid;

import dev.loyalty.core.model.MemberId;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SweepRequestTest {

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of("checkpointEvery 0", (Consumer<SweepRequest.Builder>) b -> b.checkpointEvery(0), "sweep.checkpointEvery", "was 0"),
                Arguments.of("checkpointEvery -1", (Consumer<SweepRequest.Builder>) b -> b.checkpointEvery(-1), "sweep.checkpointEvery", "was -1"),
                Arguments.of("progressEvery 0", (Consumer<SweepRequest.Builder>) b -> b.progressEvery(0), "sweep.progressEvery", "was 0"),
                Arguments.of("progressEvery min", (Consumer<SweepRequest.Builder>) b -> b.progressEvery(Integer.MIN_VALUE), "sweep.progressEvery",
                        "was " + Integer.MIN_VALUE),
                Arguments.of("empty range", (Consumer<SweepRequest.Builder>) b -> b.range(MemberId.of("b"), MemberId.of("a")), "sweep.range",
                        "must sort before"),
                Arguments.of("range of one id", (Consumer<SweepRequest.Builder>) b -> b.range(MemberId.of("a"), MemberId.of("a")), "sweep.range",
                        "must sort before"),
                Arguments.of("null listener", (Consumer<SweepRequest.Builder>) b -> b.listener(null), "sweep.listener", "null"),
                Arguments.of("blank checkpoint", (Consumer<SweepRequest.Builder>) b -> b.checkpoint(" "), "sweep.checkpointId", "blank"),
                Arguments.of("null asOf", (Consumer<SweepRequest.Builder>) b -> b.asOf(null), "sweep.asOf", "null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void shouldRefuseABadSettingAtItsSetterNamingIt(String name, Consumer<SweepRequest.Builder> setting, String field, String fragment) {
        SweepRequest.Builder builder = SweepRequest.builder();

        assertInvalid(() -> setting.accept(builder), field).hasMessageContaining(fragment);
    }
}
