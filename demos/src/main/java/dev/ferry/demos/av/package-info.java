/**
 * Video and audio decoding through FFmpeg (JavaCV's {@code FFmpegFrameGrabber}), shared by
 * the video and speech demos.
 *
 * <p>What a file is comes from probing its container and streams ({@link dev.ferry.demos.av.MediaProbe}),
 * never from its name. A file that is not what a demo needs fails with a
 * {@link dev.ferry.core.demo.DemoFailure} {@code bad_input} naming why: empty, not a media
 * file (or damaged/truncated so FFmpeg cannot open it), a still image, no video stream, no
 * audio track, a video that stops short of what its container declares.
 *
 * <p>Both readers stream, so memory does not grow with the length of the input:
 * <ul>
 *   <li>{@link dev.ferry.demos.av.VideoReader#open(java.nio.file.Path)} counts frames from the
 *       container's packets without decoding; {@link dev.ferry.demos.av.VideoReader#read}
 *       decodes once and converts to BGR only the frames asked for, upright (display
 *       matrix or {@code rotate} tag applied).</li>
 *   <li>{@link dev.ferry.demos.av.AudioReader#open(java.nio.file.Path, int, dev.ferry.demos.av.ChannelChoice)}
 *       gives an {@link dev.ferry.demos.av.AudioStream}: an iterator of fixed-size blocks
 *       of mono float samples at the rate asked for (FFmpeg resamples; the channel is picked
 *       or the channels averaged here). WAV, MP3, FLAC, Ogg/Opus, M4A and the audio track of
 *       a video.</li>
 * </ul>
 * Each pass opens its own FFmpeg context and closes it, so readers hold no native memory
 * between passes and jobs never share a decoder.
 */
package dev.ferry.demos.av;
