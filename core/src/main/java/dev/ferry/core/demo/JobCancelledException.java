package dev.ferry.core.demo;

/** Thrown from {@link DemoContext#checkCancelled()} when the job was cancelled or ran out of time. */
public class JobCancelledException extends RuntimeException {
    public JobCancelledException(String message) {
        super(message);
    }
}
