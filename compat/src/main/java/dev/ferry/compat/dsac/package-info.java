/**
 * DSAC's ASR backend (github.com/arnold-saigen/-DSAC_ASR_Backend) over Ferry's asr demo: a POST
 * whose parameters are HTTP headers, and the transcript POSTed to the caller's RETURN_URL as
 * the original's http_post_app.py did, by Ferry's webhook dispatcher. docs/compat.md.
 */
package dev.ferry.compat.dsac;
