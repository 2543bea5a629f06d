package dev.ferry.demos.av;

import java.util.Locale;

/**
 * Which channel of a multi-channel recording becomes the mono signal: all of them averaged
 * ({@link #MIX}), or one by its index (0 = left, 1 = right). A channel the file does not
 * have is refused when the audio is opened.
 */
public record ChannelChoice(int channel) {
    public static final ChannelChoice MIX = new ChannelChoice(-1);
    public static final ChannelChoice LEFT = new ChannelChoice(0);
    public static final ChannelChoice RIGHT = new ChannelChoice(1);

    public ChannelChoice {
        if (channel < -1) {
            throw new IllegalArgumentException("channel must be -1 (mix) or an index from 0, was " + channel);
        }
    }

    /** {@code mix}, {@code left}, {@code right} or a channel index ({@code 0}, {@code 1}, ...). */
    public static ChannelChoice parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "mix", "mono", "" -> MIX;
            case "left" -> LEFT;
            case "right" -> RIGHT;
            default -> {
                try {
                    yield new ChannelChoice(Integer.parseInt(t));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("channel '" + text + "' is not mix, left, right or an index");
                }
            }
        };
    }

    public boolean mixes() {
        return channel < 0;
    }

    @Override
    public String toString() {
        return mixes() ? "mix" : String.valueOf(channel);
    }
}
