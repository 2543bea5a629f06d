package dev.ferry.demos.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.demos.DemoServices;
import dev.ferry.demos.TestGraphs;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InferenceDeviceTest {
    @Test
    void theShippedProbeModelIsTheOneTheTestkitWrites() {
        assertArrayEquals(TestGraphs.probe(), InferenceDevice.probeModel(),
                "regenerate src/main/resources/dev/ferry/demos/inference/probe.onnx from TestGraphs.probe()");
    }

    @Test
    void theProbeRunsOnTheCpu() {
        assertDoesNotThrow(() -> InferenceDevice.probe(InferenceDevice.CPU));
    }

    @Test
    void cpuAndAutoResolve() {
        assertEquals(InferenceDevice.CPU, InferenceDevice.resolve("cpu"));
        assertEquals(InferenceDevice.CPU, InferenceDevice.resolve(" CPU "));
        InferenceDevice auto = InferenceDevice.resolve("auto");
        boolean cuda = OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
        assertTrue(auto.equals(InferenceDevice.CPU) || cuda, "auto falls back to the CPU without CUDA, got " + auto);
    }

    @Test
    void anUnusableCudaDeviceIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> InferenceDevice.resolve("cuda:7"));
        assertTrue(e.getMessage().startsWith("FERRY_DEVICE=cuda:7 cannot be used: "), e.getMessage());
    }

    @Test
    void aWorkerStartingOnAnUnusableGpuFailsAtOnce() {
        FerryConfig config = FerryConfig.from(Map.of("FERRY_DEVICE", "cuda:7"));
        assertThrows(IllegalStateException.class, () -> DemoServices.forWorker(config));
    }

    @Test
    void anUnknownDeviceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InferenceDevice.resolve("tpu"));
        assertEquals("FERRY_DEVICE must be auto, cpu or cuda:N, got 'tpu'", e.getMessage());
    }
}
