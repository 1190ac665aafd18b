package io.newsstance.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a file so that readers never see it half-written: the content goes to a hidden temporary file in the
 * same directory, {@code .NAME.PID-RANDOM.tmp}, which is flushed to disk and then renamed over the target in one
 * step. The target name never holds partial content: it is either absent, the old file or the complete new one.
 *
 * <p>What a killed writer leaves: on an exception, Ctrl-C or SIGTERM (JVM shutdown hooks run) the temporary file
 * is deleted. A process killed outright (SIGKILL, a crash, power loss) leaves its temporary file; a later write
 * to the same target deletes such a leftover once its process is gone and it is more than {@link #LEFTOVER_AGE}
 * old (the age guards writers in another PID namespace sharing the directory).
 */
public final class AtomicFile {

    /** The content writer; may throw IOException. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** How old a dead writer's temporary file must be before a later write deletes it. */
    public static final Duration LEFTOVER_AGE = Duration.ofHours(1);

    /** Temporary files being written now, deleted by the shutdown hook if the JVM exits first. */
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

    static {
        Thread hook = new Thread(() -> PENDING.forEach(p -> {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort on the way out
            }
        }), "newsstance-atomic-file-cleanup");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException | SecurityException e) {
            // already shutting down, or not allowed: leftovers are cleaned up by the next write instead
        }
    }

    private AtomicFile() {
    }

    public static void write(Path target, Writer writer) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            String name = target.getFileName().toString();
            removeLeftovers(dir, name, LEFTOVER_AGE);
            tmp = Files.createTempFile(dir, prefix(name) + ProcessHandle.current().pid() + "-", ".tmp");
            PENDING.add(tmp);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                writer.write(unclosable(Channels.newOutputStream(channel)));
                channel.force(true); // on disk before the rename, so a crash cannot leave a short file under the name
            }
            try { // temp files are created owner-only; the result should read like any other output file
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the defaults
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            PENDING.remove(tmp);
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                PENDING.remove(tmp);
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temp file is hidden and named after the target
                }
            }
        }
    }

    /** The stream for the writer: closing it (a ZipOutputStream does) leaves the channel open for the fsync. */
    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static String prefix(String name) {
        return "." + name + ".";
    }

    /**
     * Deletes {@code .NAME.PID-*.tmp} files older than {@code age} whose process no longer runs (it was killed
     * while writing NAME).
     */
    static void removeLeftovers(Path dir, String name, Duration age) {
        String prefix = prefix(name);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, p -> {
            String f = p.getFileName().toString();
            return f.startsWith(prefix) && f.endsWith(".tmp");
        })) {
            for (Path p : entries) {
                String rest = p.getFileName().toString().substring(prefix.length());
                int dash = rest.indexOf('-');
                if (dash <= 0 || !rest.substring(0, dash).chars().allMatch(Character::isDigit)) {
                    continue; // not one of ours (or from an older version): leave it
                }
                long pid;
                try {
                    pid = Long.parseLong(rest.substring(0, dash));
                } catch (NumberFormatException e) {
                    continue;
                }
                boolean gone = pid != ProcessHandle.current().pid()
                        && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
                if (gone && Files.getLastModifiedTime(p).toInstant().isBefore(Instant.now().minus(age))) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // an unreadable directory only means leftovers stay
        }
    }
}
