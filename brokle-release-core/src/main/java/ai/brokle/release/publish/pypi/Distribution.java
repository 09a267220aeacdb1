package ai.brokle.release.publish.pypi;

import ai.brokle.release.ReleaseFailure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A built Python distribution ready for upload: a wheel ({@code .whl}) or a source distribution
 * ({@code .tar.gz}), its core metadata (the wheel's {@code METADATA}, the sdist's {@code PKG-INFO})
 * and the digests the upload API takes.
 *
 * @param file the file
 * @param bytes its content
 * @param filetype {@code bdist_wheel} or {@code sdist}
 * @param pyversion the wheel's Python tag ({@code py3}), or {@code source}
 * @param metadata the core metadata fields, by name as written (a field may repeat)
 * @param description the long description (the metadata body, or the Description field)
 */
public record Distribution(Path file, byte[] bytes, String filetype, String pyversion, Map<String, List<String>> metadata, String description) {
    public String filename() {
        return file.getFileName().toString();
    }

    public String field(String name) {
        List<String> values = metadata.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String blake2b256() {
        return HexFormat.of().formatHex(Blake2b.digest(bytes, 32));
    }

    /** Reads a wheel or an sdist; anything else, or a file without metadata, fails naming the file. */
    public static Distribution read(Path file) {
        String name = file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ReleaseFailure(file + ": cannot be read (" + e.getMessage() + ")");
        }
        String text;
        String filetype;
        String pyversion;
        try {
            if (name.endsWith(".whl")) {
                text = fromWheel(bytes);
                filetype = "bdist_wheel";
                String[] parts = name.substring(0, name.length() - 4).split("-");
                pyversion = parts.length >= 5 ? parts[parts.length - 3] : null;
                if (pyversion == null) {
                    throw new ReleaseFailure(name + ": not a wheel file name (name-version-python-abi-platform.whl)");
                }
            } else if (name.endsWith(".tar.gz")) {
                text = fromSdist(bytes);
                filetype = "sdist";
                pyversion = "source";
            } else {
                throw new ReleaseFailure(name + ": not a Python distribution; upload wheels (.whl) and source distributions (.tar.gz)");
            }
        } catch (IOException e) {
            throw new ReleaseFailure(name + ": cannot be read as " + (name.endsWith(".whl") ? "a zip" : "a gzip tar") + " archive ("
                    + e.getMessage() + ")");
        }
        if (text == null) {
            throw new ReleaseFailure(name + ": has no " + (name.endsWith(".whl") ? "*.dist-info/METADATA" : "PKG-INFO")
                    + "; build it with a PEP 517 builder (python -m build)");
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        String body = parse(text, fields);
        String description = body.isBlank() && fields.containsKey("Description") ? fields.get("Description").get(0) : body;
        return new Distribution(file, bytes, filetype, pyversion, fields, description);
    }

    /** The wheel's METADATA; null without one. A wheel without its WHEEL file is refused, as pip refuses it. */
    private static String fromWheel(byte[] bytes) throws IOException {
        String metadata = null;
        boolean wheelFile = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                String n = e.getName();
                boolean top = n.indexOf('/') == n.lastIndexOf('/');
                if (n.endsWith(".dist-info/METADATA") && top) {
                    metadata = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                } else if (n.endsWith(".dist-info/WHEEL") && top) {
                    wheelFile = true;
                }
            }
        }
        if (metadata != null && !wheelFile) {
            throw new IOException("no *.dist-info/WHEEL, which pip needs to install it");
        }
        return metadata;
    }

    private static String fromSdist(byte[] bytes) throws IOException {
        try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(bytes)); TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null;) {
                String n = e.getName().replaceFirst("^\\./", "");
                if (n.endsWith("/PKG-INFO") && n.indexOf('/') == n.lastIndexOf('/')) {
                    return new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    /** Core metadata: RFC 822 style fields (continuation lines start with white space), then the body after a blank line. */
    static String parse(String text, Map<String, List<String>> fields) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        String current = null;
        int i = 0;
        for (; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                i++;
                break;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && current != null) {
                List<String> values = fields.get(current);
                String stripped = line.startsWith("       |") ? line.substring(8) : line.strip();
                values.set(values.size() - 1, values.get(values.size() - 1) + "\n" + stripped);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            current = line.substring(0, colon).strip();
            fields.computeIfAbsent(current, k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
        }
        StringBuilder body = new StringBuilder();
        for (; i < lines.length; i++) {
            body.append(lines[i]).append(i < lines.length - 1 ? "\n" : "");
        }
        return body.toString();
    }
}
