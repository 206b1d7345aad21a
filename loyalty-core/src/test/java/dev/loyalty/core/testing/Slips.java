package dev.loyalty.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Random slips of an author's hand in a text, for tests that feed a library broken input the way
 * people break it: a character lost, an odd word written in, a line lost, doubled or moved, the
 * text cut short, or a token of a given kind (a word, a number, a value) replaced by an odd word.
 * Seeded by the caller's {@link Random}, so a failing case is made again from its seed.
 */
public final class Slips {

    private final List<String> odd;
    private final List<Pattern> tokens;

    /**
     * Creates the slips.
     *
     * @param odd the odd words a slip may write: the text's own keywords and punctuation, odd values
     * @param tokens the kinds of token a slip may replace by an odd word, each its own kind of slip
     */
    public Slips(List<String> odd, Pattern... tokens) {
        this.odd = List.copyOf(odd);
        this.tokens = List.of(tokens);
    }

    /**
     * Returns the text with one slip.
     *
     * @param text the text
     * @param random where the slip's kind and place come from
     * @return the slipped text
     */
    public String slip(String text, Random random) {
        int at = random.nextInt(text.length() + 1);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int line = random.nextInt(lines.size());
        int kind = random.nextInt(6 + tokens.size());
        switch (kind) {
            case 0:
                return at < text.length() ? text.substring(0, at) + text.substring(at + 1) : text;
            case 1:
                return text.substring(0, at) + oddWord(random) + text.substring(at);
            case 2:
                lines.remove(line);
                return String.join("\n", lines);
            case 3:
                lines.add(line, lines.get(line));
                return String.join("\n", lines);
            case 4:
                return text.substring(0, at);
            case 5:
                if (line + 1 < lines.size()) {
                    lines.add(line + 1, lines.remove(line));
                }
                return String.join("\n", lines);
            default:
                List<int[]> found = new ArrayList<>();
                for (Matcher token = tokens.get(kind - 6).matcher(text); token.find(); ) {
                    found.add(new int[] {token.start(), token.end()});
                }
                if (found.isEmpty()) {
                    return text;
                }
                int[] token = found.get(random.nextInt(found.size()));
                return text.substring(0, token[0]) + oddWord(random) + text.substring(token[1]);
        }
    }

    /**
     * Returns the text with one or two slips, as {@link #slip} makes them.
     *
     * @param text the text
     * @param random where the slips come from
     * @return the slipped text
     */
    public String slipOnceOrTwice(String text, Random random) {
        String slipped = text;
        for (int slips = 1 + random.nextInt(2); slips > 0; slips--) {
            slipped = slip(slipped, random);
        }
        return slipped;
    }

    private String oddWord(Random random) {
        return odd.get(random.nextInt(odd.size()));
    }
}
