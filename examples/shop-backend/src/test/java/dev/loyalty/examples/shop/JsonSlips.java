package dev.loyalty.examples.shop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Random slips of the hand in a JSON text, read leniently as tokens so a text already slipped can slip again. */
final class JsonSlips {

    /** Numbers no field of the shop takes as they are, or takes only at its edge. */
    private static final List<String> ODD_NUMBERS = List.of("1e400", "-1e400", "1e-400", "1e999999999", "-1", "0", "-0", "1.5",
            "0.001", "0.0000000000001", "1e18", "99999999999999999999", "-99999999999999999999", "9223372036854775807",
            "-9223372036854775808", "9223372036854775808", "2147483647", "2147483648", "1000000", "1e17", "1".repeat(1_200));
    /** Texts no field of the shop takes as they are, or takes only at its edge. */
    private static final List<String> ODD_TEXTS = List.of("\"\"", "\" \"", "\"" + "x".repeat(129) + "\"", "\"" + "x".repeat(5_000) + "\"",
            "\"" + "x".repeat(300_000) + "\"", "\"Z\u00fcrich\"", "\"\u65e5\u672c\u8a9e\"", "\"\uD83C\uDF89\"", "\"\\u0000\"",
            "\"\\ud800\"", "\"\\u202e\"", "\"a\\nb\"", "\"1e400\"", "\"-5\"", "\"2.95\"", "\" 2.95\"", "\"99999999999999999999\"",
            "\"NaN\"", "\"0001-01-01T00:00:00Z\"", "\"1899-12-31T23:59:59Z\"", "\"9999-12-31T23:59:59Z\"", "\"1970-01-01T00:00:00Z\"",
            "\"2026-02-30T10:00:00Z\"", "\"2026-01-01T10:00:00+14:00\"", "\"1990-02-29\"", "\"1900-01-01\"", "\"Europe/Nowhere\"",
            "\"europe/paris\"", "\"UTC\"", "\"+14:00\"", "\"GMT+25\"", "\"EUR\"", "\"XXX\"", "\"gbp\"", "\" GBP\"",
            "\"\\u0047BP\"", "\"silver\"", "\"diamond\"", "\"order-1\"");
    /** Other values no field of the shop takes as they are. */
    private static final List<String> ODD_OTHERS = List.of("null", "true", "false", "[]", "{}", "[null]", "[1]", "{\"a\":1}",
            "[".repeat(1_100) + "]".repeat(1_100));
    /** The request fields of all the endpoints, which a slip may put in place of another. */
    static final List<String> FIELDS = List.of("memberId", "birthday", "zone", "tier", "channel", "occurredAt", "lines", "sku",
            "category", "quantity", "unitPrice", "currency", "store", "purchaseId", "amount", "reward", "points", "value");
    /** Characters a slip adds. */
    private static final String CHARACTERS = "{}[],:\"\\ 0129-.eE+aZ\u00e9\u0000\t";

    private JsonSlips() {
    }

    /** The text with one slip, or at times two or three. */
    static String slipped(Random random, String text) {
        int chance = random.nextInt(10);
        int slips = chance < 6 ? 1 : chance < 9 ? 2 : 3;
        for (int i = 0; i < slips; i++) {
            text = slip(random, text);
        }
        return text;
    }

    /**
     * One slip, drawn from ten: a value replaced by an odd one (four in ten), a field's name
     * changed, a field doubled, a field dropped, a character lost, a character added, the text
     * cut short; one that finds nothing to slip cuts the text short, or adds a character to an empty one.
     */
    private static String slip(Random random, String text) {
        List<Token> tokens = tokens(text);
        List<Integer> values = new ArrayList<>();
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (isKey(tokens, i)) {
                keys.add(i);
            } else if ("sv{[".indexOf(tokens.get(i).kind()) >= 0) {
                values.add(i);
            }
        }
        int kind = random.nextInt(10);
        if (kind < 4 && !values.isEmpty()) {
            int value = values.get(random.nextInt(values.size()));
            return replaced(text, tokens.get(value).start(), valueEnd(tokens, value, text), odd(random, tokens.get(value).kind()));
        }
        if (kind == 4 && !keys.isEmpty()) {
            Token key = tokens.get(keys.get(random.nextInt(keys.size())));
            return replaced(text, key.start(), key.end(), "\"" + renamed(random, text.substring(key.start() + 1, key.end() - 1)) + "\"");
        }
        if (kind == 5 && !keys.isEmpty()) {
            int key = keys.get(random.nextInt(keys.size()));
            int end = fieldEnd(tokens, key, text);
            String again = random.nextBoolean() ? text.substring(tokens.get(key).start(), end)
                    : text.substring(tokens.get(key).start(), tokens.get(key).end()) + ":" + odd(random, 'v');
            return text.substring(0, end) + "," + again + text.substring(end);
        }
        if (kind == 6 && !keys.isEmpty()) {
            int key = keys.get(random.nextInt(keys.size()));
            int start = tokens.get(key).start();
            int end = fieldEnd(tokens, key, text);
            int next = next(tokens, end);
            if (next >= 0 && tokens.get(next).kind() == ',') {
                end = tokens.get(next).end();
            } else if (key > 0 && tokens.get(key - 1).kind() == ',') {
                start = tokens.get(key - 1).start();
            }
            return replaced(text, start, end, "");
        }
        if (kind == 7 && !text.isEmpty()) {
            int at = random.nextInt(text.length());
            return replaced(text, at, at + 1, "");
        }
        if (kind == 8 || text.isEmpty()) {
            int at = random.nextInt(text.length() + 1);
            return replaced(text, at, at, String.valueOf(CHARACTERS.charAt(random.nextInt(CHARACTERS.length()))));
        }
        return text.substring(0, random.nextInt(text.length()));
    }

    /** An odd value: half the time of the kind of the token it replaces (a number for a number, text for text). */
    private static String odd(Random random, char replacing) {
        if (random.nextBoolean()) {
            return pick(random, replacing == 's' ? ODD_TEXTS : replacing == 'v' ? ODD_NUMBERS : ODD_OTHERS);
        }
        int which = random.nextInt(ODD_NUMBERS.size() + ODD_TEXTS.size() + ODD_OTHERS.size());
        return which < ODD_NUMBERS.size() ? ODD_NUMBERS.get(which)
                : which < ODD_NUMBERS.size() + ODD_TEXTS.size() ? ODD_TEXTS.get(which - ODD_NUMBERS.size())
                : ODD_OTHERS.get(which - ODD_NUMBERS.size() - ODD_TEXTS.size());
    }

    /** A field's name as a slip leaves it: a letter lost, doubled or swapped, its case changed, another field's name... */
    private static String renamed(Random random, String name) {
        return switch (random.nextInt(7)) {
            case 0 -> name.isEmpty() ? "x" : dropped(name, random.nextInt(name.length()));
            case 1 -> name.isEmpty() ? "xx" : name.substring(0, 1) + name;
            case 2 -> name.length() < 2 ? name + "s" : swapped(name, random.nextInt(name.length() - 1));
            case 3 -> name.toUpperCase(Locale.ROOT);
            case 4 -> name + " ";
            case 5 -> "";
            default -> pick(random, FIELDS);
        };
    }

    private static String dropped(String text, int at) {
        return text.substring(0, at) + text.substring(at + 1);
    }

    private static String swapped(String text, int at) {
        return text.substring(0, at) + text.charAt(at + 1) + text.charAt(at) + text.substring(at + 2);
    }

    private static String replaced(String text, int start, int end, String with) {
        return text.substring(0, start) + with + text.substring(Math.min(end, text.length()));
    }

    private static String pick(Random random, List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** A token: a punctuation character ({@code {}[],:}), a string ({@code s}) or any other value ({@code v}). */
    private record Token(int start, int end, char kind) {
    }

    /** The text's tokens, read leniently: a string runs to its closing quote or the end, anything else unknown is a value. */
    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if ("{}[],:".indexOf(c) >= 0) {
                tokens.add(new Token(i, i + 1, c));
                i++;
            } else if (c == '"') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != '"') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                int end = Math.min(j + 1, text.length());
                tokens.add(new Token(i, end, 's'));
                i = end;
            } else {
                int j = i;
                while (j < text.length() && "{}[],:\"".indexOf(text.charAt(j)) < 0 && !Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                tokens.add(new Token(i, j, 'v'));
                i = j;
            }
        }
        return tokens;
    }

    /** Whether the token is a field's name: a string followed by a colon. */
    private static boolean isKey(List<Token> tokens, int i) {
        return tokens.get(i).kind() == 's' && i + 1 < tokens.size() && tokens.get(i + 1).kind() == ':';
    }

    /** Where the value starting at this token ends: its closing bracket for an object or array, else the token's end. */
    private static int valueEnd(List<Token> tokens, int i, String text) {
        char open = tokens.get(i).kind();
        if (open != '{' && open != '[') {
            return tokens.get(i).end();
        }
        int depth = 0;
        for (int j = i; j < tokens.size(); j++) {
            char kind = tokens.get(j).kind();
            depth += kind == '{' || kind == '[' ? 1 : kind == '}' || kind == ']' ? -1 : 0;
            if (depth == 0) {
                return tokens.get(j).end();
            }
        }
        return text.length();
    }

    /** Where the field whose name is this token ends: after its value, or after its colon when no value follows. */
    private static int fieldEnd(List<Token> tokens, int key, String text) {
        int value = key + 2;
        return value < tokens.size() && "sv{[".indexOf(tokens.get(value).kind()) >= 0 ? valueEnd(tokens, value, text) : tokens.get(key + 1).end();
    }

    /** The first token starting at or after the offset, or -1. */
    private static int next(List<Token> tokens, int offset) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).start() >= offset) {
                return i;
            }
        }
        return -1;
    }
}
