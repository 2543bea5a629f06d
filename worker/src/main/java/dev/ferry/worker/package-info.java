/**
 * Worker processes: {@link dev.ferry.worker.Worker} claims jobs of the demos it serves
 * and runs them.
 *
 * <p>Threads of one worker, each with one job:
 * <ul>
 *   <li>the claim loop ({@code claim}): takes as many jobs as there are free slots and
 *       sleeps until pub/sub says jobs were queued, a slot frees up, or a second passes;</li>
 *   <li>{@code concurrency} job threads ({@code run}): one attempt of one job each;</li>
 *   <li>the heartbeat ({@code tasks.Heartbeat}), a plain thread that nothing else uses, so
 *       busy or stuck demo code can never make a live worker look dead;</li>
 *   <li>a maintenance timer ({@code tasks}): promote due retries, reclaim dead workers'
 *       jobs, sweep expired jobs;</li>
 *   <li>a limits timer: time limits and interrupts of jobs that do not stop when told; it
 *       never calls Redis, so an outage cannot delay it.</li>
 * </ul>
 *
 * <p>Every outcome is one queue transition; a transition refused with NOT_OWNER means the
 * job was reclaimed while this worker looked dead, and the attempt's outcome is dropped.
 */
package dev.ferry.worker;
