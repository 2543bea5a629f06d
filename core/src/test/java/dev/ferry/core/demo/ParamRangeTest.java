package dev.ferry.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Numbers of any size or form: in range they become a long or double, out of range a refusal quoting them as sent. */
class ParamRangeTest {
    private static final ParamSpec SPEC = ParamSpec.of(
            Param.integer("sleep_ms", 0).range(0, 600_000),
            Param.number("ratio", 0.5).range(0, 1),
            Param.integer("unbounded", 0),
            Param.number("anything", 0));

    @Test
    void outOfRangeNumbersAreRefusedQuotingThemAsSent() {
        assertEquals("parameter 'sleep_ms' must be between 0 and 600000, got 1e30", refusal("sleep_ms", new BigDecimal("1e30")));
        assertEquals("parameter 'sleep_ms' must be between 0 and 600000, got 99999999999999999999",
                refusal("sleep_ms", new BigInteger("99999999999999999999")));
        assertEquals("parameter 'sleep_ms' must be between 0 and 600000, got -1e400", refusal("sleep_ms", new BigDecimal("-1e400")));
        assertEquals("parameter 'ratio' must be between 0 and 1, got 1.0e30", refusal("ratio", new BigDecimal("1.0e30")));
        assertEquals("parameter 'ratio' must be between 0 and 1, got 1.50", refusal("ratio", new BigDecimal("1.50")));
        assertEquals("parameter 'sleep_ms' must be between 0 and 600000, got 1.0e30", refusal("sleep_ms", 1e30),
                "a double from another reader is checked too, never overflowing a long");
    }

    @Test
    void aParameterWithoutARangeIsBoundedByItsJavaType() {
        assertEquals("parameter 'unbounded' must be between -9223372036854775808 and 9223372036854775807, got 9223372036854775808",
                refusal("unbounded", new BigInteger("9223372036854775808")));
        assertEquals("parameter 'anything' must be between -1.7976931348623157e308 and 1.7976931348623157e308, got -1e400",
                refusal("anything", new BigDecimal("-1e400")));
    }

    @Test
    void fractionsAndNonNumbersAreNotIntegers() {
        assertEquals("parameter 'sleep_ms' must be an integer, got 1.5", refusal("sleep_ms", new BigDecimal("1.5")));
        assertEquals("parameter 'sleep_ms' must be an integer, got the string 'NaN'", refusal("sleep_ms", "NaN"));
        assertEquals("parameter 'ratio' must be a number, got the string 'Infinity'", refusal("ratio", "Infinity"));
        assertEquals("parameter 'ratio' must be a number, got NaN", refusal("ratio", Double.NaN));
    }

    @Test
    void inRangeNumbersOfAnyFormBecomeTheirCanonicalType() {
        Map<String, Object> params = SPEC.validate(Map.of("sleep_ms", new BigDecimal("1.2e3"), "ratio", new BigDecimal("0.25"),
                "unbounded", new BigInteger("-9223372036854775808"), "anything", new BigDecimal("1e300")));
        assertEquals(1200L, params.get("sleep_ms"));
        assertEquals(0.25, params.get("ratio"));
        assertEquals(Long.MIN_VALUE, params.get("unbounded"));
        assertEquals(1e300, params.get("anything"));
        assertEquals(600_000L, SPEC.validate(Map.of("sleep_ms", 600_000.0)).get("sleep_ms"));
    }

    private static String refusal(String name, Object value) {
        InvalidParamException e = assertThrows(InvalidParamException.class, () -> SPEC.validate(Map.of(name, value)));
        assertEquals(name, e.field());
        return e.getMessage();
    }
}
