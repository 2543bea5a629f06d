package dev.ferry.demos.inference;

import dev.ferry.core.config.FerryConfig;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;

/**
 * The model store and the loaded models this process's demos share. Demos are created by
 * ServiceLoader with no arguments, so they reach these here; a worker calls
 * {@link #configure} at start-up, which also checks {@code FERRY_DEVICE} (a CUDA device
 * that cannot be used fails the start). Without that call the settings are read from the
 * environment when first needed.
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

    public static synchronized ModelStore store() {
        if (store == null) {
            config = config == null ? FerryConfig.load() : config;
            store = ModelStore.of(config);
        }
        return store;
    }

    public static synchronized Inference inference() {
        if (inference == null) {
            configure(config == null ? FerryConfig.load() : config);
        }
        return inference;
    }
}
