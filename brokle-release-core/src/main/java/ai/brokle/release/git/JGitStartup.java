package ai.brokle.release.git;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Spares a short-lived release process two costs JGit pays on its first repository access.
 *
 * <ul>
 * <li>To find git's system configuration JGit runs the git executable (about 0.3 s). On Linux,
 * where every distribution's git reads {@code /etc/gitconfig}, JGit is pointed there directly;
 * {@code GIT_CONFIG_SYSTEM} and {@code GIT_CONFIG_NOSYSTEM} are honoured as git honours them.</li>
 * <li>With an empty user home (a fresh CI runner) JGit measures the file system's timestamp
 * resolution, which takes seconds. Where the user's JGit configuration holds no measured value,
 * JGit is given, in memory only, its own conservative fallback resolution: racily clean files
 * are then compared by content, which is always correct. A measured value wins.</li>
 * </ul>
 * Either step that fails leaves JGit to its defaults: slower, never wrong.
 */
final class JGitStartup {
    private static final Set<String> PREPARED = ConcurrentHashMap.newKeySet();
    private static volatile boolean systemConfigLocated;

    private JGitStartup() {
    }

    static void prepare(Path gitDirectory) {
        locateSystemConfig();
        useFallbackTimestampResolution(gitDirectory);
    }

    private static void locateSystemConfig() {
        if (systemConfigLocated) {
            return;
        }
        systemConfigLocated = true;
        SystemReader system = SystemReader.getInstance();
        String override = system.getenv("GIT_CONFIG_SYSTEM");
        if (override != null && !override.isEmpty()) {
            FS.DETECTED.setGitSystemConfig(new File(override));
        } else if (system.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
            FS.DETECTED.setGitSystemConfig(new File("/etc/gitconfig"));
        }
    }

    private static void useFallbackTimestampResolution(Path directory) {
        try {
            String key = configKeyPrefix() + Files.getFileStore(directory).name();
            if (!PREPARED.add(key)) {
                return;
            }
            StoredConfig userConfig = SystemReader.getInstance().getUserConfig();
            StoredConfig jgitConfig = SystemReader.getInstance().getJGitConfig();
            String section = ConfigConstants.CONFIG_FILESYSTEM_SECTION;
            String name = ConfigConstants.CONFIG_KEY_TIMESTAMP_RESOLUTION;
            if (userConfig.getString(section, key, name) == null && jgitConfig.getString(section, key, name) == null) {
                long millis = FS.FileStoreAttributes.FALLBACK_TIMESTAMP_RESOLUTION.toMillis();
                jgitConfig.setString(section, key, name, millis + " milliseconds");
            }
        } catch (IOException | ConfigInvalidException | ReflectiveOperationException | RuntimeException e) {
            // JGit then measures as usual
        }
    }

    /** JGit keys its per-file-store settings by Java vendor and version, and reads them the same way. */
    private static String configKeyPrefix() throws ReflectiveOperationException {
        Field prefix = FS.FileStoreAttributes.class.getDeclaredField("JAVA_VERSION_PREFIX");
        prefix.setAccessible(true);
        return (String) prefix.get(null);
    }
}
