package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.crypto.KeyEncryptionKey;
import dev.lanyard.sts.crypto.SecretSealer;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnreachableDatabaseTest {
    @Test
    void anUnreachableDatabaseIsARetryableServiceUnavailable() {
        SecureRandom random = new SecureRandom();
        JdbcStoreConfig config = JdbcStoreConfig.of(
                "jdbc:postgresql://127.0.0.1:1/none?user=lanyard&password=hunter2&connectTimeout=2");
        LanyardException e = assertThrows(LanyardException.class, () -> JdbcIamStore.open(config,
                new SecretSealer(KeyEncryptionKey.generate(random), random), Clock.systemUTC(), random));
        assertEquals(AwsErrorCode.ServiceUnavailable, e.code(), e.getMessage());
        assertTrue(e.retryable());
        assertFalse(e.getMessage().contains("hunter2"));
    }
}
