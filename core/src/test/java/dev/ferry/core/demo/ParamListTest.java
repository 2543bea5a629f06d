package dev.ferry.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A list parameter takes JSON objects, sent as an array or as a form field's text; their fields are the demo's to check. */
class ParamListTest {
    private static final ParamSpec SPEC = ParamSpec.of(Param.list("crops").range(0, 2));

    @Test
    void aListOfObjectsPassesAsSentAndNoneIsTheEmptyList() {
        List<Map<String, Object>> crops = List.of(Map.of("input", 1), Map.of("input", 2));
        assertEquals(crops, SPEC.validate(Map.of("crops", crops)).get("crops"));
        assertEquals(List.of(), SPEC.validate(Map.of()).get("crops"));
    }

    @Test
    void aStringHoldingTheListIsReadAsJsonAndTheEmptyStringIsNone() {
        assertEquals(List.of(Map.of("input", 1)), SPEC.validate(Map.of("crops", "[{\"input\": 1}]")).get("crops"));
        assertEquals(List.of(), SPEC.validate(Map.of("crops", "")).get("crops"));
    }

    @Test
    void anythingButAListOfObjectsIsRefusedNamingTheParameter() {
        assertEquals("parameter 'crops' must be a list of JSON objects, got [1, 2]", refusal(List.of(1, 2)));
        assertEquals("parameter 'crops' must be a list of JSON objects, got the string '{\"input\": 1}'",
                refusal("{\"input\": 1}"));
        assertEquals("parameter 'crops' must list 0 to 2 items, got 3", refusal(List.of(Map.of(), Map.of(), Map.of())));
        assertTrue(refusal("[{").startsWith("parameter 'crops' is not valid JSON: "), "where the text broke");
    }

    private static String refusal(Object value) {
        InvalidParamException e = assertThrows(InvalidParamException.class, () -> SPEC.validate(Map.of("crops", value)));
        assertEquals("crops", e.field());
        return e.getMessage();
    }
}
