package dev.ferry.api.jobs;

import dev.ferry.core.job.Job;
import dev.ferry.core.queue.JobEstimator;

/**
 * One job as clients see it, with its queue position and ETA. Lists leave those out: each
 * position is a walk of the queue ahead, too much for a page of a thousand jobs.
 */
public final class JobViews {
    private final JobEstimator estimator;

    public JobViews(JobEstimator estimator) {
        this.estimator = estimator;
    }

    public JobView of(Job job) {
        return JobView.of(job, estimator.estimate(job));
    }
}
