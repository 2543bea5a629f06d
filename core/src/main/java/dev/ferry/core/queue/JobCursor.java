package dev.ferry.core.queue;

/**
 * Where a page of a job listing ended: the last job's score in the index listed (its creation
 * time, or when it entered the state asked for) and its id, which orders jobs of one score.
 * The next page starts strictly after it, so jobs created meanwhile never shift a page.
 */
public record JobCursor(long score, String id) {}
