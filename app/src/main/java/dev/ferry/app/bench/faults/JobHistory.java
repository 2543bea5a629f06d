package dev.ferry.app.bench.faults;

import dev.ferry.core.job.JobState;

/**
 * What a job's record says of its life: how often it was claimed (attempts), how many of
 * those ended with its worker dead (deaths, counted by reclaim), how many first attempts it
 * was asked to fail, and which attempt produced the result. Every attempt ends in a death, a
 * failure or the success, and only attempts up to {@code failTimes} can fail (one that dies
 * instead fails nothing), so a succeeded job has at most {@code deaths + failTimes + 1}
 * attempts, its result comes from the last one, and it failed on purpose exactly
 * {@code failTimes} times when no worker died under it. Anything else is a run nobody can
 * account for: the job ran twice.
 */
public record JobHistory(String id, JobState state, String errorCode, int attempts, int maxAttempts, int deaths, int failTimes,
        int succeededOnAttempt) {

    public boolean ranTwice() {
        return state == JobState.SUCCEEDED && (attempts > deaths + failTimes + 1 || succeededOnAttempt != attempts
                || deaths == 0 && attempts != failTimes + 1);
    }
}
