package dev.ferry.core.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobError;
import dev.ferry.core.job.JobState;
import dev.ferry.testkit.RedisForTests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Lua scripts make the moves {@link JobTransition} lists and no other, on a real
 * redis-server, each case on a queue of its own. Submit is only ever given a fresh id, so
 * the job it creates is the one move it has.
 */
class JobTransitionScriptsTest {
    @RegisterExtension
    static final RedisForTests redis = new RedisForTests();

    /** How the API, a worker or a timer calls each script on one job; {@link FreshQueue#WORKER} runs it. */
    private static final Map<QueueScript, Call> CALLS = new EnumMap<>(Map.of(
            QueueScript.CLAIM, (q, job) -> q.worker.claim(q.demo, 10),
            QueueScript.PROGRESS, (q, job) -> q.worker.progress(job.id(), 1, 2, "half way"),
            QueueScript.COMPLETE, (q, job) -> q.worker.complete(job, "{}", List.of()),
            QueueScript.FAIL, (q, job) -> q.worker.fail(job, new JobError(ErrorCode.INTERNAL_ERROR, "retryable"), true, 0),
            QueueScript.CANCEL, (q, job) -> q.submissions.cancel(job.id()),
            QueueScript.CONFIRM_CANCEL, (q, job) -> q.worker.confirmCancel(job),
            QueueScript.RELEASE, (q, job) -> q.worker.release(job),
            QueueScript.RECLAIM, (q, job) -> q.maintenance.reclaim(q.demo, FreshQueue.WORKER, 3),
            QueueScript.PROMOTE, (q, job) -> q.maintenance.promoteDue(q.demo),
            QueueScript.EXPIRE, (q, job) -> q.maintenance.expire(q.demo, Duration.ZERO)));

    // Map.of takes at most ten pairs.
    static {
        CALLS.put(QueueScript.RETRY, (q, job) -> q.deadLetters.retry(job.id()));
        CALLS.put(QueueScript.DELETE, (q, job) -> q.deadLetters.delete(job.id()));
    }

    private interface Call {
        void on(FreshQueue queue, Job job);
    }

    /** One change a script made; an empty side is no record (before submit, after expire). */
    private record Move(QueueScript script, Optional<JobState> from, Optional<JobState> to) {
        @Override
        public String toString() {
            return script.name().toLowerCase(Locale.ROOT) + ": " + side(from) + " -> " + side(to);
        }

        private static String side(Optional<JobState> state) {
            return state.map(JobState::wireName).orElse("none");
        }
    }

    @Test
    void fromTheStatesTheTableListsTheScriptsMakeEachOfItsMovesAndNoOther() {
        List<Move> made = new ArrayList<>();
        FreshQueue fresh = new FreshQueue(redis);
        made.add(new Move(QueueScript.SUBMIT, Optional.empty(), fresh.state(fresh.submit())));
        CALLS.forEach((script, call) -> fromStates(script)
                .forEach(state -> made.add(move(script, q -> q.jobIn(state), call))));
        // The ways out of running that the usual calls do not take, and promote's real work.
        made.add(move(QueueScript.FAIL, q -> q.jobIn(JobState.RUNNING),
                (q, job) -> q.worker.fail(job, new JobError(ErrorCode.INTERNAL_ERROR, "not retryable"), false, 0)));
        made.add(move(QueueScript.RECLAIM, q -> q.jobIn(JobState.RUNNING), (q, job) -> {
            q.submissions.cancel(job.id());
            q.maintenance.reclaim(q.demo, FreshQueue.WORKER, 3);
        }));
        made.add(move(QueueScript.RECLAIM, q -> q.jobIn(JobState.RUNNING),
                (q, job) -> q.maintenance.reclaim(q.demo, FreshQueue.WORKER, 1)));
        made.add(move(QueueScript.PROMOTE, FreshQueue::waitingForRetry, CALLS.get(QueueScript.PROMOTE)));

        assertEquals(names(tableMoves()), names(made.stream()));
    }

    @Test
    void fromAStateTheTableDoesNotListAScriptLeavesTheJobAsItWas() {
        List<String> changed = new ArrayList<>();
        CALLS.forEach((script, call) -> EnumSet.complementOf(fromStates(script)).forEach(state -> {
            FreshQueue queue = new FreshQueue(redis);
            Job job = queue.jobIn(state);
            Map<String, String> before = queue.record(job.id());
            try {
                call.on(queue, job);
            } catch (QueueException refused) {
                // NOT_OWNER: a worker's script refusing a job that is not running on it;
                // NOT_DEAD_LETTER: an operator's script refusing a job that is not a dead letter
            }
            if (!queue.record(job.id()).equals(before)) {
                changed.add(script + " changed a " + state.wireName() + " job");
            }
        }));
        assertEquals(List.of(), changed);
    }

    private Move move(QueueScript script, Function<FreshQueue, Job> prepare, Call call) {
        FreshQueue queue = new FreshQueue(redis);
        Job job = prepare.apply(queue);
        call.on(queue, job);
        return new Move(script, Optional.of(job.state()), queue.state(job.id()));
    }

    private static EnumSet<JobState> fromStates(QueueScript script) {
        EnumSet<JobState> from = EnumSet.noneOf(JobState.class);
        Arrays.stream(JobTransition.values()).filter(t -> t.script() == script).forEach(t -> from.addAll(t.from()));
        return from;
    }

    private static Stream<Move> tableMoves() {
        return Arrays.stream(JobTransition.values()).flatMap(t -> sides(t.from())
                .flatMap(from -> sides(t.to()).map(to -> new Move(t.script(), from, to))));
    }

    private static Stream<Optional<JobState>> sides(Set<JobState> states) {
        return states.isEmpty() ? Stream.of(Optional.empty()) : states.stream().map(Optional::of);
    }

    private static Set<String> names(Stream<Move> moves) {
        return moves.map(Move::toString).collect(TreeSet::new, Set::add, Set::addAll);
    }
}
