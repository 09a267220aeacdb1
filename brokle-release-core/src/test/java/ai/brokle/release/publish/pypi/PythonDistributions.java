package ai.brokle.release.publish.pypi;

import ai.brokle.release.testing.Python;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Wheels and source distributions as a PEP 517 build writes them, for tests. */
final class PythonDistributions {
    private PythonDistributions() {
    }

    static String metadata(String name, String version, String extraFields, String description) {
        return "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\nSummary: The Brokle SDK for Python\n"
                + "Requires-Python: >=3.9\n" + extraFields + "\n" + description;
    }

    static Path wheel(Path dir, String name, String version, String metadata) {
        String stem = name.replace('-', '_') + "-" + version;
        Path file = dir.resolve(stem + "-py3-none-any.whl");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, name.replace('-', '_') + "/__init__.py", "__version__ = \"" + version + "\"\n");
            entry(zip, stem + ".dist-info/METADATA", metadata);
            entry(zip, stem + ".dist-info/WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n");
            entry(zip, stem + ".dist-info/RECORD", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static Path sdist(Path dir, String name, String version, String metadata) {
        String stem = name.replace('-', '_') + "-" + version;
        Path file = dir.resolve(stem + ".tar.gz");
        try (OutputStream out = Files.newOutputStream(file); GZIPOutputStream gz = new GZIPOutputStream(out);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            tarEntry(tar, stem + "/pyproject.toml", "[project]\nname = \"" + name + "\"\nversion = \"" + version + "\"\n");
            tarEntry(tar, stem + "/PKG-INFO", metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void tarEntry(TarArchiveOutputStream tar, String name, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(bytes.length);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    static String python(String script) {
        return Python.run(script);
    }
}
