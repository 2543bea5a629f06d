package dev.ferry.api.jobs;

/** How output files are served; their types come from {@link dev.ferry.core.storage.ContentTypes}, the table the worker used. */
final class OutputTypes {
    private OutputTypes() {}

    /** Types a browser would run scripts in; served sandboxed so an output cannot act as the API's origin. */
    static boolean isActive(String type) {
        return type.startsWith("text/html") || type.startsWith("image/svg+xml");
    }
}
