package ai.brokle.release.git;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Keeps JGit from measuring the file system's timestamp resolution on its first use of a file
 * store. With an empty user home (a fresh CI runner) that measurement takes seconds and leaves
 * probe files behind when the JVM exits mid-way. Where the user's JGit configuration has no
 * measured value, JGit is given, in memory only, its own conservative fallback resolution: racy
 * files are then compared by content, which is always correct. A measured value wins.
 */
final class FileSystemTimestamps {
    private static final Set<String> PREPARED = ConcurrentHashMap.newKeySet();

    private FileSystemTimestamps() {
    }

    static void prepare(Path directory) {
        try {
            String key = configKeyPrefix() + Files.getFileStore(directory).name();
            if (!PREPARED.add(key)) {
                return;
            }
            StoredConfig jgitConfig = SystemReader.getInstance().getJGitConfig();
            StoredConfig userConfig = SystemReader.getInstance().getUserConfig();
            String section = ConfigConstants.CONFIG_FILESYSTEM_SECTION;
            String name = ConfigConstants.CONFIG_KEY_TIMESTAMP_RESOLUTION;
            if (userConfig.getString(section, key, name) == null && jgitConfig.getString(section, key, name) == null) {
                long millis = FS.FileStoreAttributes.FALLBACK_TIMESTAMP_RESOLUTION.toMillis();
                jgitConfig.setString(section, key, name, millis + " milliseconds");
            }
        } catch (IOException | ConfigInvalidException | ReflectiveOperationException | RuntimeException e) {
            // JGit then measures as usual: slower on a fresh machine, never wrong
        }
    }

    /** JGit keys its per-file-store settings by Java vendor and version; it reads them the same way. */
    private static String configKeyPrefix() throws ReflectiveOperationException {
        Field prefix = FS.FileStoreAttributes.class.getDeclaredField("JAVA_VERSION_PREFIX");
        prefix.setAccessible(true);
        return (String) prefix.get(null);
    }
}
