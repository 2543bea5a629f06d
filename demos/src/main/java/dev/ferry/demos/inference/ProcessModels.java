package dev.ferry.demos.inference;

import dev.ferry.core.config.FerryConfig;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;

/**
 * The model store and the loaded models this process's demos share. Demos are created by
 * ServiceLoader with no arguments, so they reach these here; a worker calls
 * {@link #configure} at start-up, which also checks {@code FERRY_DEVICE} (a CUDA device
 * that cannot be used fails the start). Without that call the first job sets them up from
 * the settings its worker passes ({@code DemoContext.config()}), or, with no job, they are
 * read from the environment when first needed.
 */
public final class ProcessModels {
    private static FerryConfig config;
    private static ModelStore store;
    private static Inference inference;

    private ProcessModels() {}

    /**
     * Sets the configuration and resolves the device now.
     *
     * @throws IllegalStateException    when {@code FERRY_DEVICE} names a CUDA device that cannot run models
     * @throws IllegalArgumentException when {@code FERRY_DEVICE} is not auto, cpu or cuda:N
     */
    public static synchronized void configure(FerryConfig settings) {
        InferenceDevice device = InferenceDevice.resolve(settings.worker().device());
        // OpenCV's natives take seconds to load the first time: pay that at start-up, not in a job
        Loader.load(opencv_imgcodecs.class);
        Loader.load(opencv_imgproc.class);
        if (inference != null) {
            inference.close();
        }
        config = settings;
        store = ModelStore.of(settings);
        inference = new Inference(settings.inference(), device);
    }

    /**
     * The store for a job run with {@code settings} (its {@code DemoContext.config()}): the
     * process's own, set up from those settings first when they are not the ones in use.
     */
    public static synchronized ModelStore store(FerryConfig settings) {
        use(settings);
        return store;
    }

    /** The loaded models for a job run with {@code settings}; see {@link #store(FerryConfig)}. */
    public static synchronized Inference inference(FerryConfig settings) {
        use(settings);
        return inference;
    }

    private static void use(FerryConfig settings) {
        if (inference == null || !settings.equals(config)) {
            configure(settings);
        }
    }

    public static synchronized ModelStore store() {
        if (store == null) {
            config = config == null ? FerryConfig.load(java.util.Map.of()) : config;
            store = ModelStore.of(config);
        }
        return store;
    }

    public static synchronized Inference inference() {
        if (inference == null) {
            configure(config == null ? FerryConfig.load(java.util.Map.of()) : config);
        }
        return inference;
    }
}
