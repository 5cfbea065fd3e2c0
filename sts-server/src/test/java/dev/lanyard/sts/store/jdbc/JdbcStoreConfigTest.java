package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JdbcStoreConfigTest {
    @Test
    void embeddedStoreIsAnH2FileInTheDataDirectory() {
        JdbcStoreConfig config = JdbcStoreConfig.embedded(Path.of("/var/lib/lanyard"));
        assertTrue(config.jdbcUrl().startsWith("jdbc:h2:file:/var/lib/lanyard/lanyard;DB_CLOSE_ON_EXIT=FALSE"), config.jdbcUrl());
        assertEquals("lanyard", config.schema());
        assertEquals("aws", config.partition());
        assertFalse(config.isPostgres());
    }

    @Test
    void passwordsInPostgresUrlsAreSeparatedAndNeverShown() {
        JdbcStoreConfig config = JdbcStoreConfig.of("jdbc:postgresql://db:5432/iam?user=lanyard&password=s%3Dcret&ssl=true");
        assertEquals("jdbc:postgresql://db:5432/iam?user=lanyard&ssl=true", config.urlWithoutPassword());
        assertEquals("s=cret", config.password());
        assertFalse(config.toString().contains("cret"), config.toString());
        JdbcStoreConfig noPassword = JdbcStoreConfig.of("jdbc:postgresql://db/iam");
        assertNull(noPassword.password());
        assertEquals("jdbc:postgresql://db/iam", noPassword.urlWithoutPassword());
    }

    @Test
    void unsupportedSettingsAreRefused() {
        LanyardException url = assertThrows(LanyardException.class, () -> JdbcStoreConfig.of("jdbc:mysql://db/iam"));
        assertEquals(AwsErrorCode.InvalidParameterValue, url.code());
        assertThrows(LanyardException.class, () -> JdbcStoreConfig.of("jdbc:postgresql://db/iam").withSchema("Bad-Schema"));
        assertThrows(LanyardException.class, () -> JdbcStoreConfig.of("jdbc:postgresql://db/iam").withMaxPoolSize(0));
        assertEquals("aws-cn", JdbcStoreConfig.of("jdbc:postgresql://db/iam").withPartition("aws-cn").partition());
    }
}
