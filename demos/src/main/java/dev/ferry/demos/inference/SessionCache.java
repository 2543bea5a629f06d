package dev.ferry.demos.inference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The loaded models of this process, at most {@code capacity}, least recently used first
 * out. Each model is loaded once even when several jobs ask for it at the same moment; a
 * reinstalled file (other size or mtime) counts as another model.
 */
final class SessionCache {
    /** Loads a model; may throw. */
    interface Loader {
        LoadedModel load(InstalledModel model) throws Exception;
    }

    private record Key(Path file, long size, FileTime modified) {}

    private final int capacity;
    private final Loader loader;
    private final LinkedHashMap<Key, CompletableFuture<LoadedModel>> entries = new LinkedHashMap<>(16, 0.75f, true);

    SessionCache(int capacity, Loader loader) {
        this.capacity = capacity;
        this.loader = loader;
    }

    /** The loaded model, retained for the caller, who must {@link LoadedModel#release()} it. */
    LoadedModel acquire(InstalledModel model) throws Exception {
        Key key = keyOf(model.onnxFile());
        while (true) {
            CompletableFuture<LoadedModel> future;
            boolean loadHere = false;
            synchronized (this) {
                future = entries.get(key);
                if (future == null) {
                    future = new CompletableFuture<>();
                    entries.put(key, future);
                    loadHere = true;
                }
            }
            if (loadHere) {
                load(key, model, future);
            }
            LoadedModel loaded = join(future);
            if (loaded.retain()) {
                return loaded;
            }
            synchronized (this) {
                entries.remove(key, future);
            }
        }
    }

    synchronized int size() {
        return entries.size();
    }

    /** Unloads everything; models in use close when their last lease is released. */
    void clear() {
        List<CompletableFuture<LoadedModel>> all;
        synchronized (this) {
            all = new ArrayList<>(entries.values());
            entries.clear();
        }
        all.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).forEach(f -> f.join().evict());
    }

    private void load(Key key, InstalledModel model, CompletableFuture<LoadedModel> future) throws Exception {
        try {
            future.complete(loader.load(model));
        } catch (Exception | Error e) {
            synchronized (this) {
                entries.remove(key, future);
            }
            future.completeExceptionally(e);
            throw e;
        }
        evictBeyondCapacity(key);
    }

    /** Never the model just loaded: its caller has yet to retain it. */
    private void evictBeyondCapacity(Key keep) {
        List<LoadedModel> evicted = new ArrayList<>();
        synchronized (this) {
            Iterator<Map.Entry<Key, CompletableFuture<LoadedModel>>> it = entries.entrySet().iterator();
            int excess = entries.size() - capacity;
            while (excess > 0 && it.hasNext()) {
                Map.Entry<Key, CompletableFuture<LoadedModel>> e = it.next();
                CompletableFuture<LoadedModel> f = e.getValue();
                if (!e.getKey().equals(keep) && f.isDone() && !f.isCompletedExceptionally()) {
                    it.remove();
                    evicted.add(f.join());
                    excess--;
                }
            }
        }
        evicted.forEach(LoadedModel::evict);
    }

    private static LoadedModel join(CompletableFuture<LoadedModel> future) throws Exception {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static Key keyOf(Path file) throws java.io.IOException {
        return new Key(file.toAbsolutePath().normalize(), Files.size(file), Files.getLastModifiedTime(file));
    }
}
