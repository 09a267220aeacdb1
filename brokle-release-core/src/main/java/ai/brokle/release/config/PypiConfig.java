package ai.brokle.release.config;

import java.util.List;

/**
 * Where a component's Python distributions are uploaded: stable versions to the index, pre-releases
 * to the test index.
 *
 * @param dist globs of the distributions, relative to the repository root
 * @param repository the index's upload endpoint
 * @param simple the index's PEP 503 simple index
 * @param testRepository the test index's upload endpoint, for pre-releases
 * @param testSimple the test index's simple index
 */
public record PypiConfig(List<String> dist, String repository, String simple, String testRepository, String testSimple) {
    public static final List<String> DEFAULT_DIST = List.of("dist/*.whl", "dist/*.tar.gz");
    public static final String PYPI = "https://upload.pypi.org/legacy/";
    public static final String PYPI_SIMPLE = "https://pypi.org/simple/";
    public static final String TEST_PYPI = "https://test.pypi.org/legacy/";
    public static final String TEST_PYPI_SIMPLE = "https://test.pypi.org/simple/";
}
