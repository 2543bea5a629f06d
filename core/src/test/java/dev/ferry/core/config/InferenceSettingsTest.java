package dev.ferry.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InferenceSettingsTest {
    @Test
    void defaults() {
        assertEquals(new InferenceSettings(0, "all", 4), FerryConfig.defaults().inference());
    }

    @Test
    void readFromTheEnvironment() {
        FerryConfig c = FerryConfig.from(Map.of("FERRY_ONNX_THREADS", "2", "FERRY_ONNX_OPTIMIZATION", "Basic",
                "FERRY_MAX_LOADED_MODELS", "1"));
        assertEquals(new InferenceSettings(2, "basic", 1), c.inference());
    }

    @Test
    void badValuesNameTheSetting() {
        assertEquals("FERRY_ONNX_OPTIMIZATION must be one of all, extended, basic, none; got 'max'",
                assertThrows(IllegalArgumentException.class,
                        () -> FerryConfig.from(Map.of("FERRY_ONNX_OPTIMIZATION", "max"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> FerryConfig.from(Map.of("FERRY_MAX_LOADED_MODELS", "0")));
        assertThrows(IllegalArgumentException.class, () -> FerryConfig.from(Map.of("FERRY_ONNX_THREADS", "-1")));
    }
}
