package ai.brokle.release.publish.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The description and licence the images are annotated with, read as the real repositories state them. */
class ProjectMetadataTest {
    @TempDir
    Path tmp;

    @Test
    void pyprojectWithALicenceTable() throws Exception {
        // the Python SDK's pyproject.toml
        Files.writeString(tmp.resolve("pyproject.toml"), "[project]\nname = \"brokle\"\ndescription = \"Brokle Platform Python SDK for"
                + " OpenTelemetry-native LLM observability and tracing\"\nlicense = {text = \"MIT\"}\n");
        assertEquals(new ProjectMetadata("Brokle Platform Python SDK for OpenTelemetry-native LLM observability and tracing", "MIT"),
                ProjectMetadata.read(tmp, ""));
    }

    @Test
    void packageJsonOfTheComponentThenTheRoot() throws Exception {
        Files.createDirectories(tmp.resolve("sdk/js"));
        Files.writeString(tmp.resolve("sdk/js/package.json"), "{\"name\": \"brokle\", \"description\": \"OpenTelemetry-native observability SDK"
                + " for AI applications\"}");
        Files.writeString(tmp.resolve("LICENSE"), "\n                                 Apache License\n                           Version 2.0, January 2004\n");
        assertEquals(new ProjectMetadata("OpenTelemetry-native observability SDK for AI applications", "Apache-2.0"),
                ProjectMetadata.read(tmp, "sdk/js"));
    }

    @Test
    void aLicenceFileWithPortionsUnderOtherTermsGivesNone() throws Exception {
        // the platform's LICENSE: MIT outside internal/ee, another licence inside
        Files.writeString(tmp.resolve("LICENSE"), "Copyright (c) 2025 Brokle AI\n\nPortions of this software are licensed as follows:\n\n"
                + "* All content that resides under the \"internal/ee/\" directory ...\n\nPermission is hereby granted, free of charge, ...\n");
        assertEquals(new ProjectMetadata(null, null), ProjectMetadata.read(tmp, ""));
        Files.writeString(tmp.resolve("LICENSE"), "MIT License\n\nCopyright (c) 2025 Brokle Platform\n");
        assertEquals("MIT", ProjectMetadata.read(tmp, "").licenses());
    }
}
