package ai.brokle.release.config;

/** How a version file holds its version; inferred from the file name unless a pattern is given. */
public enum VersionFileKind {
    /** {@code "version"} in a package.json. */
    PACKAGE_JSON,
    /** The project version of a pom.xml. */
    POM,
    /** {@code [project] version} or {@code [tool.poetry] version} in a pyproject.toml. */
    PYPROJECT,
    /** {@code __version__ = "..."} in a Python module. */
    PYTHON_MODULE,
    /** Any text file, through a pattern containing {@code {{version}}}. */
    PATTERN;

    /** The kind a file name implies, or null when only a pattern can say where its version is. */
    public static VersionFileKind inferFromName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.equals("package.json")) {
            return PACKAGE_JSON;
        }
        if (name.equals("pom.xml")) {
            return POM;
        }
        if (name.equals("pyproject.toml")) {
            return PYPROJECT;
        }
        if (name.endsWith(".py")) {
            return PYTHON_MODULE;
        }
        return null;
    }
}
