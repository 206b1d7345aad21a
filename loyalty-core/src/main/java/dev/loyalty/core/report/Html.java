package dev.loyalty.core.report;

import java.text.NumberFormat;
import java.util.Locale;

/** HTML text helpers. Not public API. */
final class Html {

    private Html() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String number(long value) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(value);
    }
}
