package ai.brokle.release.plan;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The one run that changes a clone's release state at a time: {@code prepare} and {@code rollback}
 * hold an operating-system lock on {@code .git/brokle-release/run.lock} from before they read the
 * state until they end. A second run is refused before it writes anything. The system releases the
 * lock when the process ends, however it ends, so a killed run never leaves it behind.
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE = "brokle-release/run.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock for {@code goal}, or fails naming the run that holds it. */
    public static RunLock take(Path gitDirectory, String goal) {
        Path file = gitDirectory.resolve(FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new ReleaseFailure("Another brokle-release run is at work in this clone" + (holder.isEmpty() ? "" : " (" + holder + ")")
                        + ": wait until it ends, then run " + goal + " again. Nothing was changed");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((goal + ", process " + ProcessHandle.current().pid() + ", since " + Instant.now() + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            return new RunLock(channel, lock);
        } catch (IOException e) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // the lock, if any, goes with the channel
            }
            throw new ReleaseError("Cannot lock " + file + " against a second run: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new ReleaseError("Cannot release the run lock: " + e.getMessage(), e);
        }
    }
}
