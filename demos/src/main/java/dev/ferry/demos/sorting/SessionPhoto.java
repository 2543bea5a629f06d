package dev.ferry.demos.sorting;

import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.storage.JobInputs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One photo of a session, named as the arm names it: the base servo's pulse width when it was
 * taken, e.g. {@code 1800.jpg}.
 */
record SessionPhoto(int pulseWidth, Path file) {
    /** A servo's pulse width is a few thousand microseconds; five digits leave room and refuse nonsense. */
    private static final Pattern NAME = Pattern.compile("(\\d{1,5})(\\.[A-Za-z]{1,5})?");

    /**
     * The job's inputs as photos, by rotation.
     *
     * @throws DemoFailure bad_input when a name is not a pulse width, or two photos share one
     */
    static List<SessionPhoto> of(List<Path> inputs) {
        List<SessionPhoto> photos = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (Path input : inputs) {
            String name = JobInputs.originalName(input);
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw DemoFailure.badInput("photo '" + name + "' is not named by the base servo's pulse width (such as"
                        + " 1800.jpg): the sorting demo reads each photo's rotation from its name");
            }
            int pulseWidth = Integer.parseInt(m.group(1));
            if (!seen.add(pulseWidth)) {
                throw DemoFailure.badInput("two photos are named for pulse width " + pulseWidth + "; each rotation is"
                        + " photographed once");
            }
            photos.add(new SessionPhoto(pulseWidth, input));
        }
        photos.sort(Comparator.comparingInt(SessionPhoto::pulseWidth));
        return photos;
    }
}
