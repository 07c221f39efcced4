package io.servicedocs.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What changes whenever a file's bytes do, read in one stat: its size, modification time (in
 * nanoseconds), device and inode, and the inode's change time, which no program can set. A result
 * computed from a file's bytes can be reused while its stamp holds (the build cache's file
 * digests, the tool's identity): the change time is what tells a file rewritten in place, or made
 * again on the same inode, and then given back its old modification time (as tar, unzip, cp -p
 * and rsync -t do) from an untouched one. As git does with "racily clean" files, a result is only
 * kept for a file whose last modification and change are both more than {@link #SETTLED} before
 * it was looked at ({@link #settledBy}): a file written again within the file system's clock tick
 * keeps both times. Where the file system keeps no change time (no unix view), the stamp has none
 * and nothing is kept.
 *
 * @param changed the change time, where the file system keeps one
 * @param inode   device and inode ("dev:ino"), else the basic view's file key
 */
public record FileStamp(long size, Instant modified, Optional<Instant> changed, String inode) {

    /** More than the coarsest clock tick of a file system's times (FAT's two seconds). */
    public static final Duration SETTLED = Duration.ofSeconds(2);

    /** The unix view's attributes a stamp is made of ({@link #of}); with kinds ("isDirectory,...") before them. */
    public static final String UNIX_ATTRIBUTES = "size,lastModifiedTime,ctime,dev,ino";

    /** The basic view's, where there is no unix view: no change time. */
    public static final String BASIC_ATTRIBUTES = "size,lastModifiedTime,fileKey";

    /** The stamp in attributes read with {@link #UNIX_ATTRIBUTES} or {@link #BASIC_ATTRIBUTES}. */
    public static FileStamp of(Map<String, Object> attributes) {
        Object inode = attributes.containsKey("ino") ? attributes.get("dev") + ":" + attributes.get("ino")
                : attributes.get("fileKey");
        return new FileStamp((Long) attributes.get("size"), ((FileTime) attributes.get("lastModifiedTime")).toInstant(),
                Optional.ofNullable((FileTime) attributes.get("ctime")).map(FileTime::toInstant), String.valueOf(inode));
    }

    /** The stamp of a regular file, not through a link, with its change time; empty for anything else. */
    public static Optional<FileStamp> ofRegularFile(Path file) {
        try {
            Map<String, Object> attributes = Files.readAttributes(file, "unix:isRegularFile," + UNIX_ATTRIBUTES,
                    LinkOption.NOFOLLOW_LINKS);
            return Boolean.TRUE.equals(attributes.get("isRegularFile")) ? Optional.of(of(attributes)) : Optional.empty();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether a result computed from the file may be kept: it has a change time, and neither time is within {@link #SETTLED} of {@code now}. */
    public boolean settledBy(Instant now) {
        Instant before = now.minus(SETTLED);
        return changed.isPresent() && changed.get().isBefore(before) && modified.isBefore(before);
    }

    /** The stamp as one line: size, modification time, inode, change time ("-" without one). */
    public String text() {
        return size + " " + modified.getEpochSecond() + "." + modified.getNano() + " " + inode + " "
                + changed.map(Instant::toString).orElse("-");
    }
}
