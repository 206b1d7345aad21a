package dev.loyalty.examples.shop;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * {@code loyalty.request-body-limit} is from 1 byte to 1 GiB: a limit of none, or one a chunked
 * body could not be read into memory under, stops the shop from starting, naming the setting.
 */
class RequestBodyLimitSettingTest {

    private static RequestBodyLimit limit(DataSize size) {
        return new RequestBodyLimit(new ObjectMapper(), new LoyaltyProperties("GBP", "Europe/London", BigDecimal.ZERO, null, true,
                Duration.ofDays(7), size));
    }

    @Test
    void shouldRefuseALimitOfNoBytes() {
        assertThatThrownBy(() -> limit(DataSize.ofBytes(0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loyalty.request-body-limit").hasMessageContaining("was 0 bytes");
    }

    @Test
    void shouldRefuseALimitOverOneGibibyte() {
        assertThatThrownBy(() -> limit(DataSize.ofBytes((1L << 30) + 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loyalty.request-body-limit");
    }

    @Test
    void shouldTakeALimitFromOneByteToOneGibibyte() {
        assertThatCode(() -> limit(DataSize.ofBytes(1))).doesNotThrowAnyException();
        assertThatCode(() -> limit(DataSize.ofGigabytes(1))).doesNotThrowAnyException();
    }
}
