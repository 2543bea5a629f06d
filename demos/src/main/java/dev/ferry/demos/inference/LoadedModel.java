package dev.ferry.demos.inference;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session shared by every job using one model. Jobs hold it through leases; once evicted
 * from the cache it is closed when the last lease is released, never under a running job.
 */
final class LoadedModel {
    private static final Logger LOG = LoggerFactory.getLogger(LoadedModel.class);

    private final InstalledModel model;
    private final OrtSession session;
    private final OrtSession.SessionOptions options;
    private int leases;
    private boolean evicted;
    private boolean closed;

    LoadedModel(InstalledModel model, OrtSession session, OrtSession.SessionOptions options) {
        this.model = model;
        this.session = session;
        this.options = options;
    }

    InstalledModel model() {
        return model;
    }

    OrtSession session() {
        return session;
    }

    /** False when it was already closed, so the caller loads the model again. */
    synchronized boolean retain() {
        if (closed) {
            return false;
        }
        leases++;
        return true;
    }

    synchronized void release() {
        leases--;
        closeIfUnused();
    }

    synchronized void evict() {
        evicted = true;
        closeIfUnused();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private void closeIfUnused() {
        if (evicted && leases == 0 && !closed) {
            closed = true;
            try {
                session.close();
            } catch (OrtException e) {
                LOG.warn("closing the session of {} failed", model.ref(), e);
            }
            options.close();
            LOG.info("unloaded model {}", model.ref());
        }
    }
}
