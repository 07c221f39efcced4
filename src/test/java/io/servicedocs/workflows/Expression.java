package io.servicedocs.workflows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The part of GitHub Actions' expression language the workflows use: literals ('text', true,
 * false, null, numbers), property paths (steps.fetch.outcome, vars.NAME), the status functions
 * success(), failure(), always() and cancelled(), and the operators !, ==, !=, &&, || and
 * parentheses, with GitHub's rules: && and || give one of their operands, strings compare without
 * regard to case, and operands of different types compare as numbers (null and '' are 0, true 1).
 * Anything else is refused, so that a test never guesses what GitHub would do.
 */
final class Expression {

    /** What a property path or status function is worth; throws for names it does not know. */
    interface Context {
        Object property(String path);

        boolean status(String function);
    }

    private final String text;
    private final List<String> tokens;
    private int next;

    private Expression(String text) {
        this.text = text;
        this.tokens = tokens(text);
    }

    /** The value of {@code text} (with or without its ${{ }}). */
    static Object evaluate(String text, Context context) {
        String inner = text.strip();
        if (inner.startsWith("${{") && inner.endsWith("}}")) {
            inner = inner.substring(3, inner.length() - 2).strip();
        }
        Expression expression = new Expression(inner);
        Object value = expression.or(context);
        if (expression.next != expression.tokens.size()) {
            throw expression.error("unexpected '" + expression.tokens.get(expression.next) + "'");
        }
        return value;
    }

    /** Whether {@code text} names a status function (without one, an if: means success() && it). */
    static boolean hasStatusFunction(String text) {
        return text.matches("(?s).*\\b(success|failure|always|cancelled)\\s*\\(\\s*\\).*");
    }

    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Double d) {
            return d != 0 && !d.isNaN();
        }
        return !value.toString().isEmpty();
    }

    /** A value as it is put into a string: null is "", true is "true". */
    static String asString(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return String.valueOf(d.longValue());
        }
        return value.toString();
    }

    private Object or(Context context) {
        Object value = and(context);
        while (accept("||")) {
            Object right = and(context);
            value = truthy(value) ? value : right;
        }
        return value;
    }

    private Object and(Context context) {
        Object value = not(context);
        while (accept("&&")) {
            Object right = not(context);
            value = truthy(value) ? right : value;
        }
        return value;
    }

    private Object not(Context context) {
        if (accept("!")) {
            return !truthy(not(context));
        }
        Object left = primary(context);
        if (accept("==")) {
            return same(left, primary(context));
        }
        if (accept("!=")) {
            return !same(left, primary(context));
        }
        return left;
    }

    private Object primary(Context context) {
        if (next >= tokens.size()) {
            throw error("the expression ends too early");
        }
        String token = tokens.get(next++);
        if (token.equals("(")) {
            Object value = or(context);
            if (!accept(")")) {
                throw error("missing ')'");
            }
            return value;
        }
        if (token.startsWith("'")) {
            return token.substring(1, token.length() - 1).replace("''", "'");
        }
        if (token.matches("-?[0-9]+(\\.[0-9]+)?")) {
            return Double.valueOf(token);
        }
        switch (token) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "null":
                return null;
            default:
                break;
        }
        if (!token.matches("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)*")) {
            throw error("cannot read '" + token + "'");
        }
        if (accept("(")) {
            if (!accept(")")) {
                throw error("functions with arguments are not supported: " + token);
            }
            return context.status(token);
        }
        return context.property(token);
    }

    private static boolean same(Object left, Object right) {
        if (left instanceof String l && right instanceof String r) {
            return l.toLowerCase(Locale.ROOT).equals(r.toLowerCase(Locale.ROOT));
        }
        if (left != null && right != null && left.getClass() == right.getClass()) {
            return left.equals(right);
        }
        double l = number(left);
        double r = number(right);
        return l == r;
    }

    private static double number(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Double d) {
            return d;
        }
        String s = value.toString().strip();
        if (s.isEmpty()) {
            return 0;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private boolean accept(String token) {
        if (next < tokens.size() && tokens.get(next).equals(token)) {
            next++;
            return true;
        }
        return false;
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("expression '" + text + "': " + message);
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                int end = i + 1;
                while (true) {
                    if (end >= text.length()) {
                        throw new IllegalArgumentException("expression '" + text + "': unterminated string");
                    }
                    if (text.charAt(end) == '\'') {
                        if (end + 1 < text.length() && text.charAt(end + 1) == '\'') {
                            end += 2; // '' is a quote inside the string
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                tokens.add(text.substring(i, end + 1));
                i = end + 1;
            } else if (text.startsWith("&&", i) || text.startsWith("||", i) || text.startsWith("==", i)
                    || text.startsWith("!=", i)) {
                tokens.add(text.substring(i, i + 2));
                i += 2;
            } else if ("!()".indexOf(c) >= 0) {
                tokens.add(String.valueOf(c));
                i++;
            } else {
                int end = i;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end))
                        || "._-".indexOf(text.charAt(end)) >= 0)) {
                    end++;
                }
                if (end == i) {
                    throw new IllegalArgumentException("expression '" + text + "': cannot read '" + c + "'");
                }
                tokens.add(text.substring(i, end));
                i = end;
            }
        }
        return tokens;
    }

    /** A context of fixed values, for expressions outside steps (job if:, env:). */
    static Context of(Function<String, Object> properties, boolean failed) {
        return new Context() {
            @Override
            public Object property(String path) {
                return properties.apply(path);
            }

            @Override
            public boolean status(String function) {
                return Expression.status(function, failed);
            }
        };
    }

    /** The status functions, given whether a step before has failed. */
    static boolean status(String function, boolean failed) {
        return switch (function) {
            case "success" -> !failed;
            case "failure" -> failed;
            case "always" -> true;
            case "cancelled" -> false;
            default -> throw new IllegalArgumentException("unknown function " + function + "()");
        };
    }
}
