package ai.brokle.release.publish.pypi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** BLAKE2b against RFC 7693's example and Python's hashlib on inputs around the block size. */
class Blake2bTest {
    @Test
    void rfc7693Example() {
        assertEquals("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
                HexFormat.of().formatHex(Blake2b.digest("abc".getBytes(StandardCharsets.US_ASCII), 64)));
    }

    @Test
    void agreesWithPythonsHashlibForEveryLengthAroundTheBlocks() throws Exception {
        List<Integer> lengths = new ArrayList<>();
        for (int n : new int[] {0, 1, 55, 127, 128, 129, 255, 256, 257, 1000, 100_000}) {
            lengths.add(n);
        }
        Random random = new Random(7);
        StringBuilder script = new StringBuilder("import hashlib,sys\n");
        List<String> ours = new ArrayList<>();
        for (int n : lengths) {
            byte[] data = new byte[n];
            random.nextBytes(data);
            script.append("print(hashlib.blake2b(bytes.fromhex('").append(HexFormat.of().formatHex(data)).append("'), digest_size=32).hexdigest())\n");
            ours.add(HexFormat.of().formatHex(Blake2b.digest(data, 32)));
        }
        Process p = new ProcessBuilder("python3", "-").redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(script.toString().getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), "python3 is needed for this check (apt-get install python3): " + out);
        assertEquals(String.join("\n", ours), out.strip());
    }
}
