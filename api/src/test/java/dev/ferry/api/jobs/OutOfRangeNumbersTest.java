package dev.ferry.api.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.TestDemo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A number of any size or form outside a parameter's range is a 400 quoting it as sent, never a 500. */
class OutOfRangeNumbersTest {
    static final TestDemo echo = TestDemo.echo();
    @RegisterExtension
    static final ApiForTests api = ApiForTests.serving(echo);
    static final Http http = api.http();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sleep_ms | 1e30                 | parameter 'sleep_ms' must be between 0 and 1000, got 1e30",
        "sleep_ms | 99999999999999999999 | parameter 'sleep_ms' must be between 0 and 1000, got 99999999999999999999",
        "sleep_ms | -1e400               | parameter 'sleep_ms' must be between 0 and 1000, got -1e400",
        "sleep_ms | 1.5                  | parameter 'sleep_ms' must be an integer, got 1.5",
        "ratio    | 1e400                | parameter 'ratio' must be between 0 and 1, got 1e400",
        "ratio    | 1.50                 | parameter 'ratio' must be between 0 and 1, got 1.50",
        "ratio    | '\"NaN\"'            | parameter 'ratio' must be a number, got the string 'NaN'",
    })
    void isRefusedNamingTheParameterAndItsRange(String name, String sent, String message) {
        Response r = http.postJson("/api/v1/demos/" + echo.name() + "/jobs", "{\"params\":{\"" + name + "\":" + sent + "}}");
        assertEquals(400, r.status(), r::toString);
        assertEquals("invalid_param", r.errorCode());
        JsonNode error = r.json().get("error");
        assertEquals(name, error.get("field").asText());
        assertEquals(message, error.get("message").asText());
    }
}
