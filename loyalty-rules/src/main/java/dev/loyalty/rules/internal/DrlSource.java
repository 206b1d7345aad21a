package dev.loyalty.rules.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One DRL text, the name it is reported under and the key it is versioned under. Not public API.
 *
 * @param name the resource name, as given by the caller; errors name the source by it
 * @param key the name independent of where the source lies (a file's path relative to its
 *            directory, with {@code /} separators); the rule-set version hashes it, so copying a
 *            campaign directory elsewhere keeps its version
 * @param content the DRL text; a leading byte order mark (U+FEFF, as editors on Windows write
 *                before UTF-8) is dropped, so it neither breaks the parser nor changes the version; a
 *                lone carriage return (a line break as classic Mac OS editors write it, which the
 *                DRL parser does not take for one) becomes a line feed, so such a file compiles and
 *                its problems are reported at the lines an editor shows; CRLF is kept as written
 */
public record DrlSource(String name, String key, String content) {

    /** A carriage return not followed by a line feed. */
    private static final Pattern LONE_CARRIAGE_RETURN = Pattern.compile("\r(?!\n)");

    /**
     * Checks the components.
     *
     * @param name the resource name, as given by the caller; errors name the source by it
     * @param key the name independent of where the source lies (a file's path relative to its
     *                directory, with {@code /} separators); the rule-set version hashes it, so copying a
     *                campaign directory elsewhere keeps its version
     * @param content the DRL text
     */
    public DrlSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(content, "content");
        if (content.startsWith("\uFEFF")) {
            content = content.substring(1);
        }
        if (content.indexOf('\r') >= 0) {
            content = LONE_CARRIAGE_RETURN.matcher(content).replaceAll("\n");
        }
    }

    /**
     * Creates a source versioned under its name.
     *
     * @param name the resource name
     * @param content the DRL text
     */
    public DrlSource(String name, String content) {
        this(name, name, content);
    }

    /**
     * Returns sources by name, for locating problems that name their resource.
     *
     * @param sources the sources; names unique
     * @return each source under its name
     */
    public static Map<String, DrlSource> byName(List<DrlSource> sources) {
        Map<String, DrlSource> byName = new HashMap<>();
        sources.forEach(source -> byName.put(source.name(), source));
        return byName;
    }
}
