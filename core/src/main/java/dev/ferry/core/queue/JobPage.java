package dev.ferry.core.queue;

import dev.ferry.core.job.Job;
import java.util.List;
import java.util.Optional;

/** One page of a job listing, newest first, and where the next page starts when there are more jobs. */
public record JobPage(List<Job> jobs, Optional<JobCursor> next) {}
