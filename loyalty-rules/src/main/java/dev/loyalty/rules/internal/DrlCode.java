package dev.loyalty.rules.internal;

/**
 * A DRL text as the parser reads it, for finding lines by what they hold: its comments ({@code //}
 * to the end of the line and {@code /* ... *}{@code /}, which may span lines) are blanked out, so a
 * commented-out rule or a comment that says {@code then} is not taken for code. Lines and columns
 * stay where they were; text in string literals is kept. Not public API.
 */
final class DrlCode {

    private DrlCode() {
    }

    /**
     * Returns the text's lines, whatever its line breaks, with every comment replaced by spaces.
     *
     * @param text the DRL text
     * @return its lines without comments; a trailing break leaves an empty last line
     */
    static String[] lines(String text) {
        String[] lines = DrlLines.lines(text);
        boolean inBlock = false;
        for (int n = 0; n < lines.length; n++) {
            char[] line = lines[n].toCharArray();
            char quote = 0;
            for (int i = 0; i < line.length; i++) {
                char c = line[i];
                char next = i + 1 < line.length ? line[i + 1] : 0;
                if (inBlock) {
                    inBlock = !(c == '*' && next == '/');
                    line[i] = ' ';
                    if (!inBlock) {
                        line[++i] = ' ';
                    }
                } else if (quote != 0) {
                    if (c == '\\') {
                        i++;
                    } else if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '/' && next == '/') {
                    java.util.Arrays.fill(line, i, line.length, ' ');
                    break;
                } else if (c == '/' && next == '*') {
                    inBlock = true;
                    line[i] = ' ';
                    line[++i] = ' ';
                }
            }
            lines[n] = new String(line);
        }
        return lines;
    }

    /**
     * Returns a line with what its string literals hold replaced by spaces, their quotes kept, so
     * that a word in a rule's name or a reason is not taken for a keyword.
     *
     * @param line one line of DRL, without comments
     * @return the line, its columns unchanged
     */
    static String withoutStrings(String line) {
        char[] chars = line.toCharArray();
        char quote = 0;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (quote == 0) {
                quote = c == '"' || c == '\'' ? c : 0;
            } else if (c == quote) {
                quote = 0;
            } else {
                if (c == '\\' && i + 1 < chars.length) {
                    chars[i++] = ' ';
                }
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }
}
