package dev.ferry.compat.dsac;

import java.util.Optional;

/**
 * One DSAC request, its headers read and checked (lambda_function.py's required and optional
 * headers; run_decode.sh's defaults: TAG random, JOB_ID the TAG, SR BB/NB as 16000/8000).
 *
 * @param objectName   the name the audio is stored under: OBJECT_PATH's last part, as DSAC named its download
 * @param customGraph  an installed asr model to use instead of the one DEC_LANG and SR choose
 */
record DsacRequest(String userId, String jobId, String tag, String language, int sampleRate, Optional<String> customGraph,
                   Optional<String> objectUrl, Optional<String> returnUrl, String objectName) {}
