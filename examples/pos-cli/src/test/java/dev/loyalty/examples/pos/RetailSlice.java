package dev.loyalty.examples.pos;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.examples.retail.RetailEvents;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The first rows of the bundled Online Retail sample, and what an in-memory engine makes of them. */
final class RetailSlice {

    private RetailSlice() {
    }

    /**
     * What replaying events did.
     *
     * @param events events processed
     * @param issued points credited
     * @param clawedBack points taken back by returns
     */
    record Totals(long events, long issued, long clawedBack) {
    }

    /** Writes the header and the first {@code rows} rows of the bundled sample to {@code retail.csv}. */
    static Path write(Path dir, int rows) throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = RetailEvents.class.getResourceAsStream("online-retail-sample.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null && lines.size() <= rows; line = reader.readLine()) {
                lines.add(line);
            }
        }
        return Files.write(dir.resolve("retail.csv"), lines, StandardCharsets.UTF_8);
    }

    /** Replays the file through an in-memory engine under the demo's program. */
    static Totals inMemory(Path file) throws IOException {
        List<LoyaltyEvent> events;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            events = RetailEvents.read(reader, problem -> {
                throw new AssertionError(problem);
            });
        }
        long issued = 0;
        long clawedBack = 0;
        try (LoyaltyEngine engine = LoyaltyEngine.builder().program(RetailEvents.program()).build()) {
            for (LoyaltyEvent event : events) {
                Outcome outcome = engine.process(event);
                for (LedgerEntry entry : outcome.entries()) {
                    if (entry.points().value() > 0) {
                        issued += entry.points().value();
                    } else {
                        clawedBack -= entry.points().value();
                    }
                }
            }
        }
        return new Totals(events.size(), issued, clawedBack);
    }
}
