package dev.ferry.compat.waiting;

/** Every seat of the waiting room is taken: the request is refused before anything is queued. */
public final class TooBusy extends RuntimeException {
    TooBusy(int seats) {
        super(seats + " requests are already waiting for their results; try again shortly");
    }
}
