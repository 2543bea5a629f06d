package dev.ferry.compat.sorterbot;

/** The two sets of photos of a session: to sort from, and after sorting (to stitch). */
enum PhotoKind {
    /** {@code recv_img_proc}. */
    PROC,
    /** {@code recv_img_after}. */
    AFTER;

    String folder() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
