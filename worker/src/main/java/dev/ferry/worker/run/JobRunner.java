package dev.ferry.worker.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.DemoCatalog;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.InvalidParamException;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobError;
import dev.ferry.core.queue.WorkQueue;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.core.storage.DiskFull;
import dev.ferry.core.storage.JobInputs;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one attempt of a job on a pool thread: prepares a clean outputs folder, calls the
 * demo, turns however it ended into an {@link Outcome} and has it recorded. Nothing a demo
 * does can escape this class and stop the worker.
 */
public final class JobRunner {
    /** The MDC key every log line of a job carries (logback: {@code %X{job}}). */
    public static final String MDC_KEY = "job";
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    private final DemoCatalog demos;
    private final DataFolder data;
    private final PartialOutputs partialOutputs;
    private final WorkQueue queue;
    private final OutcomeReporter reporter;
    private final RunningJobs running;
    private final Lifecycle lifecycle;
    private final Runnable onFinished;

    public JobRunner(DemoCatalog demos, DataFolder data, WorkQueue queue, OutcomeReporter reporter,
            RunningJobs running, Lifecycle lifecycle, Runnable onFinished) {
        this.demos = demos;
        this.data = data;
        this.partialOutputs = new PartialOutputs(data);
        this.queue = queue;
        this.reporter = reporter;
        this.running = running;
        this.lifecycle = lifecycle;
        this.onFinished = onFinished;
    }

    public void run(RunningJob job) {
        MDC.put(MDC_KEY, job.job().id().toString());
        try {
            LOG.info("started attempt {} of {}", job.job().attempts(), job.job().maxAttempts());
            Outcome outcome = attempt(job);
            Thread.interrupted();
            if (!lifecycle.halted() && job.settle()) {
                reporter.report(job, outcome);
            }
        } catch (Throwable t) {
            if (!lifecycle.halted()) {
                LOG.error("could not record the outcome of the job", t);
            }
        } finally {
            running.remove(job);
            MDC.remove(MDC_KEY);
            onFinished.run();
        }
    }

    private Outcome attempt(RunningJob running) {
        Job job = running.job();
        Optional<Demo> found = demos.find(job.demo());
        if (found.isEmpty()) {
            return new Outcome.Failed(new JobError(ErrorCode.UNKNOWN_DEMO, "this worker has no demo '" + job.demo() + "'"), false);
        }
        Demo demo = found.get();
        try {
            Path outputs = data.outputsDir(job.id());
            DataFolder.deleteTree(outputs); // a retry starts clean; the context creates it on first use
            Map<String, Object> params = demo.params().validate(job.params());
            JobContext context = new JobContext(job.id().toString(), job.attempts(), params, JobInputs.list(data.inputsDir(job.id())),
                    outputs, LoggerFactory.getLogger("dev.ferry.demo." + demo.name()),
                    new ProgressReporter(queue, job.id(), running.token(), lifecycle));
            JsonNode result = runDemo(demo, context, running);
            Optional<StopReason> stop = running.token().reason().filter(r -> r != StopReason.SHUTDOWN);
            if (stop.isPresent()) {
                return new Outcome.Stopped(stop.get());
            }
            return new Outcome.Succeeded(result, OutputFiles.list(outputs));
        } catch (Throwable t) {
            Thread.interrupted();
            if (running.token().isStopped()) {
                return new Outcome.Stopped(running.token().reason().orElseThrow());
            }
            Optional<String> diskFull = DiskFull.reason(t);
            if (diskFull.isPresent()) {
                return diskFull(job, diskFull.get());
            }
            if (t instanceof DemoFailure failure) {
                return new Outcome.Failed(new JobError(failure.errorCode(), String.valueOf(failure.getMessage())), failure.retryable());
            }
            if (t instanceof InvalidParamException invalid) {
                return new Outcome.Failed(new JobError(ErrorCode.INVALID_PARAM, invalid.getMessage()), false);
            }
            if (!lifecycle.halted()) {
                LOG.warn("the demo failed unexpectedly", t);
            }
            return new Outcome.Failed(new JobError(ErrorCode.INTERNAL_ERROR, readable(t)), true);
        }
    }

    /**
     * Removes what the attempt wrote at once, still owning the job, rather than once it is
     * final: the space comes back for the other jobs and for submits (refused with 507 meanwhile).
     */
    private Outcome diskFull(Job job, String reason) {
        partialOutputs.discard(job.id());
        return new Outcome.Failed(new JobError(ErrorCode.DISK_FULL, "the data folder's disk filled up while the job wrote"
                + " its outputs (" + reason + "); its partial outputs were removed"), true);
    }

    private static JsonNode runDemo(Demo demo, JobContext context, RunningJob running) throws Exception {
        running.enterDemo(Thread.currentThread());
        try {
            return demo.run(context);
        } finally {
            running.leaveDemo();
        }
    }

    static String readable(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + message;
    }
}
