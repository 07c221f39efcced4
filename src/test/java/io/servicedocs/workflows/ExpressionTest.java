package io.servicedocs.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The workflow tests' expressions follow GitHub's documented rules (docs: "Evaluate expressions"). */
class ExpressionTest {

    private static final Map<String, Object> VALUES = new HashMap<>();

    static {
        VALUES.put("vars.ROLE", "");
        VALUES.put("steps.review.outputs.status", "1");
        VALUES.put("inputs.accept", null);
        VALUES.put("inputs.yes", Boolean.TRUE);
    }

    private static Object eval(String text, boolean failed) {
        return Expression.evaluate(text, Expression.of(path -> {
            if (!VALUES.containsKey(path)) {
                throw new IllegalArgumentException("unknown " + path);
            }
            return VALUES.get(path);
        }, failed));
    }

    private static Object eval(String text) {
        return eval(text, false);
    }

    @Test
    void operatorsGiveOperandsAndCompareAsGitHubDoes() {
        assertEquals("false", eval("inputs.accept && 'true' || 'false'"), "null && x gives null, || falls back");
        assertEquals("true", eval("${{ inputs.yes && 'true' || 'false' }}"));
        assertEquals(Boolean.TRUE, eval("'ABC' == 'abc'"), "strings compare without regard to case");
        assertEquals(Boolean.TRUE, eval("inputs.accept == ''"), "null and '' are both 0");
        assertEquals(Boolean.TRUE, eval("steps.review.outputs.status != '0'"));
        assertEquals(Boolean.TRUE, eval("steps.review.outputs.status == 1"), "'1' and 1 compare as numbers");
        assertEquals(Boolean.FALSE, eval("vars.ROLE != ''"));
        assertEquals(Boolean.TRUE, eval("!(vars.ROLE != '') && true"));
        assertEquals("it's", eval("'it''s'"));
        assertEquals(Boolean.FALSE, eval("'a' == 'b' || false"));
    }

    @Test
    void statusFunctions() {
        assertEquals(Boolean.TRUE, eval("success()"));
        assertEquals(Boolean.FALSE, eval("failure()"));
        assertEquals(Boolean.TRUE, eval("failure()", true));
        assertEquals(Boolean.TRUE, eval("always()", true));
        assertTrue(Expression.hasStatusFunction("failure() && (x == 'y')"));
        assertTrue(!Expression.hasStatusFunction("vars.ROLE != ''"));
    }

    @Test
    void whatItCannotEvaluateIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> eval("github.event_name == 'push'"));
        assertThrows(IllegalArgumentException.class, () -> eval("contains(vars.ROLE, 'x')"));
        assertThrows(IllegalArgumentException.class, () -> eval("'open"));
        assertThrows(IllegalArgumentException.class, () -> eval("(true"));
        assertThrows(IllegalArgumentException.class, () -> eval("true true"));
        assertThrows(IllegalArgumentException.class, () -> eval("1 < 2"));
    }
}
