package dev.ferry.core.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ferry.core.error.ErrorCode;

/** Why a job failed (or, while it waits for a retry, why its last attempt failed). */
public record JobError(@JsonProperty("code") ErrorCode errorCode, String message) {

    /** The code as clients see it, e.g. {@code timeout}. */
    public String code() {
        return errorCode.wireName();
    }
}
