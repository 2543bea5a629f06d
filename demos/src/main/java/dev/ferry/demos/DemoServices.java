package dev.ferry.demos;

import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.sources.SourceStore;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.demos.inference.Inference;
import dev.ferry.demos.inference.InferenceDevice;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.media.MediaReader;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;

/**
 * What demos are built with ({@link DemoFactory}): one set per process, shared by all its
 * demos, so models are loaded once and one URL cache and HTTP client serve every job.
 * Whoever opens it closes it, after the demos built with it are done.
 *
 * @param config    the process's settings
 * @param models    the model store in the data folder
 * @param inference ONNX Runtime and the models loaded on this process's device
 * @param media     turns a job's inputs into pages
 * @param sources   the watermark sources in the data folder, which jobs match against
 */
public record DemoServices(FerryConfig config, ModelStore models, Inference inference, MediaReader media,
                           SourceStore sources)
        implements AutoCloseable {

    /**
     * For a process that runs jobs: {@code FERRY_DEVICE} is resolved now, so a GPU that cannot
     * be used fails the start rather than the first job, and OpenCV's natives (seconds to load
     * the first time) are paid for here, not in a job.
     *
     * @throws IllegalStateException    when {@code FERRY_DEVICE} names a CUDA device that cannot run models
     * @throws IllegalArgumentException when {@code FERRY_DEVICE} is not auto, cpu or cuda:N
     */
    public static DemoServices forWorker(FerryConfig config) {
        InferenceDevice device = InferenceDevice.resolve(config.worker().device());
        Loader.load(opencv_imgcodecs.class);
        Loader.load(opencv_imgproc.class);
        return open(config, device);
    }

    /**
     * For a process that only takes submissions: its demos list and check models but never run
     * them, so no device is probed.
     */
    public static DemoServices forApi(FerryConfig config) {
        return open(config, InferenceDevice.CPU);
    }

    /** With a device of the caller's choosing (tests and benchmarks run on the CPU). */
    public static DemoServices open(FerryConfig config, InferenceDevice device) {
        return new DemoServices(config, ModelStore.of(config), new Inference(config.inference(), device),
                MediaReader.of(config), sources(config));
    }

    /** The watermark sources of {@code config}'s data folder. */
    public static SourceStore sources(FerryConfig config) {
        return new SourceStore(new DataFolder(config.dataDir()), config.media());
    }

    /** The installed model {@code ref}, checked and loaded (or shared, if loaded already), for one job to run. */
    public ModelLease lease(ModelRef ref) {
        return inference.acquire(models.require(ref));
    }

    /** Unloads the models and stops the timers of model runs and URL fetches. */
    @Override
    public void close() {
        inference.close();
        media.close();
    }
}
