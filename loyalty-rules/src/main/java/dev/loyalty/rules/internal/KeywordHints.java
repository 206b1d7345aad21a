package dev.loyalty.rules.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds to a syntax error inside a rule what usually causes it: {@code when} or {@code then} given
 * twice, or missing (lost or misspelled) above the line the parser stopped at, a parenthesis
 * left open, or an operator
 * written as another language spells it ({@code =}, {@code and}, {@code or}). The parser names
 * only the word it did not expect, such as {@code mismatched input 'earn'} for an action below a
 * {@code then} written {@code the}. Not public API.
 */
final class KeywordHints {

    /** A syntax error that names the word the parser did not expect. */
    private static final Pattern MISMATCHED = Pattern.compile("^syntax error: mismatched input '([^']*)'");
    /** The start of an action: a call on a global or a bound variable, such as {@code earn.points(} or {@code $ladder.tier(}. */
    private static final Pattern ACTION = Pattern.compile("^\\s*[\\w$]+\\s*\\.\\s*\\w+\\s*\\(");

    /** Words written for an operator DRL spells otherwise, and how it spells it. */
    private static final Map<String, String> OPERATORS = Map.of("=", "compare with == (a single = is not a comparison)",
            "and", "join constraints with && or a comma", "or", "join constraints with ||");
    /** The keywords that start a declaration of a file. */
    private static final Pattern DECLARATIONS = Pattern.compile("rule|query|function|declare|import|global|package");

    private KeywordHints() {
    }

    /**
     * Returns the message with a hint added, when the rule's lines above the error show a likely
     * cause; else the message as it is.
     *
     * @param message the problem's message
     * @param lines the source's lines
     * @param line the problem's line, 1-based
     * @return the message, with a hint or without
     */
    static String withHint(String message, String[] lines, int line) {
        Matcher mismatched = MISMATCHED.matcher(message);
        if (!mismatched.find() || line < 1 || line > lines.length) {
            return message;
        }
        int whens = 0;
        int thens = 0;
        // parentheses opened and not closed in the rule above the line
        long open = 0;
        boolean inRule = false;
        for (int i = line - 2; i >= 0; i--) {
            String code = DrlCode.withoutStrings(lines[i]).replaceAll("//.*$", "").strip();
            if (DrlLines.declaredRule(lines[i]) != null) {
                inRule = true;
                break;
            }
            if (code.equals("end")) {
                break;
            }
            whens += code.equals("when") ? 1 : 0;
            thens += code.equals("then") ? 1 : 0;
            open += code.chars().filter(c -> c == '(').count() - code.chars().filter(c -> c == ')').count();
        }
        if (!inRule) {
            return message;
        }
        String input = mismatched.group(1);
        String operator = OPERATORS.get(input);
        if (operator != null) {
            return message + "; " + operator;
        }
        if (DECLARATIONS.matcher(input).matches()) {
            // a declaration's keyword where a rule's part belongs: a rule line given twice, or an 'end' lost; not a lost 'when'
            return message;
        }
        boolean action = ACTION.matcher(lines[line - 1]).find();
        if (open > 0 && (input.equals("then") || input.equals("end") || input.equals("when"))) {
            return message + "; a parenthesis opened above is not closed";
        }
        if (whens > 1) {
            return message + "; 'when' is given twice in this rule: keep one";
        }
        if (thens > 1) {
            return message + "; 'then' is given twice in this rule: keep one";
        }
        if (thens == 0 && (input.equals("end") || action)) {
            return message + "; is 'then' missing or misspelled above the rule's actions?";
        }
        if (whens == 0 && thens == 0) {
            return message + "; is 'when' missing or misspelled above the rule's conditions?";
        }
        return message;
    }
}
