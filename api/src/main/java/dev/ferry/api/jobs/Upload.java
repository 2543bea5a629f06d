package dev.ferry.api.jobs;

import java.io.InputStream;

/**
 * One file another protocol received (a request body, a download), submitted as a job's input.
 *
 * @param name    the file's name as the client gave it; only its last part names the stored input
 * @param content read once, while the submit stores it
 */
public record Upload(String name, InputStream content) {}
