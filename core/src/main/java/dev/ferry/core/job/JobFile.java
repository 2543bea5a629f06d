package dev.ferry.core.job;

/** One output file of a job; {@code path} is relative to the job's outputs folder. */
public record JobFile(String path, long size, String contentType) {}
