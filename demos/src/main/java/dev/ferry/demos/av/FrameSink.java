package dev.ferry.demos.av;

/** Receives the frames a {@link VideoReader} was asked for, in index order. */
@FunctionalInterface
public interface FrameSink {
    void accept(VideoFrame frame) throws Exception;
}
