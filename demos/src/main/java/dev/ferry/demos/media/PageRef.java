package dev.ferry.demos.media;

/** A page not decoded yet: a job holds these for all its pages but only one decoded page at a time. */
public interface PageRef {
    /** Unique within the job and safe as a file-name stem. */
    String name();

    /** Where the page comes from, for people. */
    String source();

    /** Decodes the page; the reason of a {@link PageException} is shown in the job's result. */
    Page load() throws PageException;
}
