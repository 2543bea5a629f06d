package dev.ferry.compat.sorterbot;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.storage.AtomicFiles;
import dev.ferry.core.storage.DataFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The arms' sessions: which photos each has sent, in Redis under {@code ferry:sorterbot:session:<name>}
 * (a hash: field {@code proc:1800} or {@code after:1800} per photo, and the arm's ids), expiring
 * {@code FERRY_SORTERBOT_SESSION_TTL} after the last message; the photos themselves in the data
 * folder, {@code sorterbot/<name>/proc/1800.jpg}. A folder whose session has expired (and that
 * nothing was written to for as long) is removed when the next session starts.
 */
final class ArmSessions {
    static final String KEY_PREFIX = "ferry:sorterbot:session:";
    /** The arm names a photo by the base servo's pulse width: {@code 1800.jpg}. */
    private static final Pattern PHOTO_NAME = Pattern.compile("(\\d{1,5})\\.(jpg|jpeg|png)", Pattern.CASE_INSENSITIVE);
    /** SorterBot arms take five; a session is bounded all the same, as its photos sit in the data folder. */
    static final int MAX_PHOTOS = 100;

    private final RedissonClient redis;
    private final Path root;
    private final Duration ttl;

    ArmSessions(RedissonClient redis, DataFolder data, Duration ttl) {
        this.redis = redis;
        this.root = data.root().resolve("sorterbot");
        this.ttl = ttl;
    }

    /** Stores one photo; a photo sent again replaces the first. */
    void store(SessionKey session, PhotoKind kind, String imageName, byte[] photo) throws IOException {
        if (!PHOTO_NAME.matcher(imageName).matches()) {
            throw new ProtocolError(ErrorCode.INVALID_PARAM, "image_name must be the base servo's pulse width and .jpg,"
                    + " such as 1800.jpg");
        }
        String name = imageName.toLowerCase(java.util.Locale.ROOT);
        RMap<String, String> record = record(session);
        if (!record.isExists()) {
            sweepExpired();
        }
        String field = kind.folder() + ":" + name;
        if (!record.containsKey(field) && record.size() >= MAX_PHOTOS + 2) {
            throw new ProtocolError(ErrorCode.TOO_LARGE, "a session holds at most " + MAX_PHOTOS + " photos");
        }
        Path dir = Files.createDirectories(root.resolve(session.name()).resolve(kind.folder()));
        AtomicFiles.write(dir.resolve(name), photo);
        record.putAll(Map.of("arm_id", session.armId(), "session_id", session.sessionId(), field, name));
        record.expire(ttl);
    }

    /**
     * The session's photos of one kind, by name.
     *
     * @throws ProtocolError bad_input when the session sent none (or has expired)
     */
    List<Path> photos(SessionKey session, PhotoKind kind) {
        RMap<String, String> record = record(session);
        List<Path> photos = new ArrayList<>();
        Path dir = root.resolve(session.name()).resolve(kind.folder());
        for (Map.Entry<String, String> e : record.readAllEntrySet()) {
            if (e.getKey().startsWith(kind.folder() + ":") && Files.isRegularFile(dir.resolve(e.getValue()))) {
                photos.add(dir.resolve(e.getValue()));
            }
        }
        if (photos.isEmpty()) {
            throw new ProtocolError(ErrorCode.BAD_INPUT, "session " + session.sessionId() + " of arm " + session.armId()
                    + " has no " + kind.folder() + " photos here (none were sent, or the session expired after "
                    + ttl + ")");
        }
        record.expire(ttl);
        photos.sort(Comparator.comparing(Path::toString));
        return photos;
    }

    private RMap<String, String> record(SessionKey session) {
        return redis.getMap(KEY_PREFIX + session.name(), StringCodec.INSTANCE);
    }

    private void sweepExpired() {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.toList()) {
                // A folder written within the TTL may belong to a session whose first photos are arriving now.
                boolean old = Files.getLastModifiedTime(folder).toInstant().isBefore(java.time.Instant.now().minus(ttl));
                if (old && redis.getKeys().countExists(KEY_PREFIX + folder.getFileName()) == 0) {
                    DataFolder.deleteTree(folder);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
