package dev.lanyard.sts.store.jdbc;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The conformance suite on the embedded H2 file store in a temporary data directory. */
class H2IamStoreTest extends IamStoreConformanceTest {
    private Path dataDir;

    @Override
    protected JdbcStoreConfig config() {
        if (dataDir == null) {
            try {
                dataDir = Files.createTempDirectory("lanyard-h2-store");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return JdbcStoreConfig.embedded(dataDir);
    }

    @Override
    protected void cleanUp() {
        if (dataDir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theEmbeddedStoreIsAFileInTheDataDirectory() {
        assertTrue(Files.exists(dataDir.resolve("lanyard.mv.db")));
    }
}
