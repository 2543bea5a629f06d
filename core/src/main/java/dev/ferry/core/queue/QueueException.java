package dev.ferry.core.queue;

/** A queue script refused a transition; {@link #error()} says why. */
public class QueueException extends RuntimeException {
    private final QueueError error;

    public QueueException(QueueError error, String message) {
        super(message);
        this.error = error;
    }

    public QueueError error() {
        return error;
    }
}
