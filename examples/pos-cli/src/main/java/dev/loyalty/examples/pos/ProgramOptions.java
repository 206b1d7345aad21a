package dev.loyalty.examples.pos;

import dev.loyalty.core.ProgramSettings;
import java.math.BigDecimal;
import picocli.CommandLine.Option;

/** The options that describe the loyalty program: its currency, zone and unlinked-return policy. */
final class ProgramOptions {

    @Option(names = "--currency", defaultValue = "GBP", description = "the program's currency (default: ${DEFAULT-VALUE})")
    String currency;

    @Option(names = "--zone", defaultValue = "Europe/London", description = "the program's time zone (default: ${DEFAULT-VALUE})")
    String zone;

    @Option(names = "--unlinked-return-points", defaultValue = "0", paramLabel = "<points>",
            description = "points clawed back per currency unit by a return not linked to its purchase (default: ${DEFAULT-VALUE}; "
                    + "the Online Retail sample's demo uses 1)")
    BigDecimal unlinkedReturnPoints;

    /** The program these options describe. */
    ProgramSettings program() {
        return ProgramSettings.builder().currency(currency).zone(zone).unlinkedReturnPointsPerUnit(unlinkedReturnPoints).build();
    }
}
