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
import java.util.function.Consumer;

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
     * Reads rows in the sample's CSV format (header
     * {@code InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country}, UK
     * local times, prices in pounds), such as another extract of the same data set, into events
     * the way the bundled sample is read: guest rows, adjustments and returns of zero value are
     * skipped, malformed rows are reported and left out. Columns are found by their header names,
     * in any order; a header lacking one of the eight is reported as {@code line 1} and nothing is read.
     *
     * @param csv the CSV text, with its header row
     * @param rejected receives each malformed row as {@code line N: reason}, N the file's line the row starts on (the header is line 1)
     * @return the events of the well-formed rows, in time order
     * @throws UncheckedIOException when the text cannot be read
     */
    public static List<LoyaltyEvent> read(Reader csv, Consumer<String> rejected) {
        RetailSample sample = RetailSample.read(csv);
        sample.rejected().forEach(rejected);
        return sample.events();
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
