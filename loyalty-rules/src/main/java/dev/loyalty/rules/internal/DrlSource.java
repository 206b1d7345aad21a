package dev.loyalty.rules.internal;

import java.util.Objects;

/**
 * One DRL text and the name it is reported under. Not public API.
 *
 * @param name the resource name, as given by the caller
 * @param content the DRL text
 */
public record DrlSource(String name, String content) {

    /** Checks the components. */
    public DrlSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }
}
