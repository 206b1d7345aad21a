package dev.loyalty.examples.retail;

import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.LoyaltyEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bundled Online Retail sample as events, for other programs such as the benchmarks:
 * enrolments at each customer's first invoice, purchases and unlinked returns, in time order.
 */
public final class RetailEvents {

    private RetailEvents() {
    }

    /**
     * Reads the bundled sample.
     *
     * @return the events in time order
     * @throws UncheckedIOException when the bundled sample cannot be read
     */
    public static List<LoyaltyEvent> bundled() {
        InputStream in = RetailEvents.class.getResourceAsStream("online-retail-sample.csv");
        if (in == null) {
            throw new UncheckedIOException(new IOException("the bundled online-retail-sample.csv is missing"));
        }
        try (Reader csv = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return RetailSample.read(csv).events();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled retail sample", e);
        }
    }

    /**
     * Returns the program the demo replays the sample under: GBP, Europe/London, unlinked returns
     * clawed back at one point per pound.
     *
     * @return the settings
     */
    public static ProgramSettings program() {
        return Replay.program();
    }
}
