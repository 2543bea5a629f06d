package dev.ferry.demos.clustering;

/**
 * An input page that could not be used, and why; listed in the result and in clusters.json.
 *
 * @param page its number among the job's inputs, from 1
 * @param code a media error ({@code not_an_image}, {@code truncated}, {@code job_outputs_gone}...) or {@code model_failed}
 */
public record FailedItem(int page, String source, String code, String reason) {}
