package dev.ferry.demos.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import dev.ferry.core.config.InferenceSettings;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.JobCancelledException;
import dev.ferry.demos.TestGraphs;
import dev.ferry.demos.TestStores;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading, sharing, unloading and stopping real ONNX Runtime sessions. */
class InferenceTest {
    static final int N = 384;

    @TempDir
    Path data;
    ModelStore store;
    Inference inference;

    @BeforeEach
    void models() throws Exception {
        store = new ModelStore(data, new ModelCatalog(List.of()));
        for (String name : List.of("a", "b", "c")) {
            TestStores.install(store, "demo_a", name, TestGraphs.probe(), probeContract("x"));
        }
        TestStores.install(store, "demo_a", "slow", TestGraphs.matMulChain(N, 4000), probeContract("x"));
        TestStores.install(store, "demo_a", "misnamed", TestGraphs.probe(), probeContract("images"));
        inference = new Inference(new InferenceSettings(1, "basic", 2), InferenceDevice.CPU);
    }

    @AfterEach
    void close() {
        inference.close();
    }

    @Test
    void aRunInsideOnnxRuntimeStopsSoonAfterTheJobIsCancelled() throws Exception {
        try (ModelLease lease = inference.acquire(model("slow"));
             OnnxTensor x = OnnxTensor.createTensor(lease.env(), FloatBuffer.wrap(new float[N * N]), new long[] {N, N})) {
            AtomicBoolean cancelled = new AtomicBoolean();
            ExecutorService canceller = Executors.newSingleThreadExecutor();
            long[] cancelledAt = new long[1];
            canceller.submit(() -> {
                Thread.sleep(300);
                cancelledAt[0] = System.nanoTime();
                cancelled.set(true);
                return null;
            });
            JobCancelledException e = assertThrows(JobCancelledException.class,
                    () -> lease.run(Map.of("x", x), cancelled::get).close());
            long stoppedAfterMs = (System.nanoTime() - cancelledAt[0]) / 1_000_000;
            canceller.shutdown();
            assertTrue(stoppedAfterMs < 2_000, "the run went on " + stoppedAfterMs + " ms after the cancel");
            assertTrue(e.getMessage().contains("cancelled"), e.getMessage());

            // the session is unharmed: the next run (one row, quick) completes
            try (OnnxTensor row = OnnxTensor.createTensor(lease.env(), FloatBuffer.wrap(new float[N]), new long[] {1, N});
                 OrtSession.Result r = lease.run(Map.of("x", row), () -> false)) {
                assertEquals(1, ((float[][]) r.get(0).getValue()).length);
            }
        }
    }

    @Test
    void aJobAlreadyCancelledDoesNotStartARun() {
        try (ModelLease lease = inference.acquire(model("a"))) {
            assertThrows(JobCancelledException.class, () -> lease.run(Map.of(), () -> true));
        }
    }

    @Test
    void aModelIsLoadedOnceAndShared() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<LoadedModel>> loads = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            loads.add(pool.submit(() -> {
                start.await();
                try (ModelLease lease = inference.acquire(model("a"))) {
                    return lease.loaded();
                }
            }));
        }
        start.countDown();
        LoadedModel first = loads.get(0).get(30, TimeUnit.SECONDS);
        for (Future<LoadedModel> f : loads) {
            assertSame(first, f.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(1, inference.loadedModels());
    }

    @Test
    void theLeastRecentlyUsedModelIsUnloadedBeyondTheLimit() {
        LoadedModel a;
        try (ModelLease lease = inference.acquire(model("a"))) {
            a = lease.loaded();
        }
        inference.acquire(model("b")).close();
        inference.acquire(model("c")).close();
        assertEquals(2, inference.loadedModels());
        assertTrue(a.isClosed());
        try (ModelLease again = inference.acquire(model("a"))) {
            assertNotSame(a, again.loaded());
        }
    }

    @Test
    void aModelInUseIsClosedOnlyWhenItsLastLeaseEnds() throws Exception {
        ModelLease held = inference.acquire(model("a"));
        inference.acquire(model("b")).close();
        inference.acquire(model("c")).close();
        assertFalse(held.loaded().isClosed(), "evicted but still in use");
        try (OnnxTensor x = OnnxTensor.createTensor(held.env(), new float[] {3f});
             OrtSession.Result r = held.run(Map.of("x", x), () -> false)) {
            assertEquals(3f, ((float[]) r.get(0).getValue())[0]);
        }
        held.close();
        assertTrue(held.loaded().isClosed());
    }

    @Test
    void aContractNamingAnotherInputIsInvalid() {
        DemoFailure e = assertThrows(DemoFailure.class, () -> inference.acquire(model("misnamed")));
        assertEquals("model_invalid", e.code());
        assertTrue(e.getMessage().contains("names input 'images' but the graph's inputs are [x]"), e.getMessage());
        assertEquals(0, inference.loadedModels());
    }

    @Test
    void weightsChangedAfterTheCheckAreRefusedAtLoad() throws Exception {
        InstalledModel a = model("a");
        java.nio.file.Files.write(a.onnxFile(), TestGraphs.matMulChain(2, 1));
        DemoFailure e = assertThrows(DemoFailure.class, () -> inference.acquire(a));
        assertEquals("model_corrupt", e.code());
    }

    private InstalledModel model(String name) {
        return store.require(new ModelRef("demo_a", name));
    }

    private static ModelContract probeContract(String input) {
        return new ModelContract("test", "", new ModelContract.ImageInput(input, "NCHW", 1, 1, true, "gray"),
                null, List.of(), Map.of(), null);
    }
}
