package dev.lanyard.sts.error;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LanyardExceptionTest {
    @Test
    void codesKnowTheirFaultSideAndStatus() {
        assertTrue(AwsErrorCode.AccessDenied.isSenderFault());
        assertEquals(403, AwsErrorCode.AccessDenied.httpStatus());
        assertEquals("Receiver", AwsErrorCode.ServiceFailure.fault().wireName());
        assertEquals(503, AwsErrorCode.ServiceUnavailable.httpStatus());
        assertEquals(404, AwsErrorCode.NoSuchEntity.httpStatus());
        assertEquals("IDPRejectedClaim", AwsErrorCode.IDPRejectedClaim.name());
    }

    @Test
    void receiverFaultsAreRetryableByDefault() {
        assertTrue(new LanyardException(AwsErrorCode.ServiceUnavailable, "down").retryable());
        assertFalse(new LanyardException(AwsErrorCode.NoSuchEntity, "missing").retryable());
        assertTrue(new LanyardException(AwsErrorCode.ConcurrentModification, "race", true).retryable());
        LanyardException e = new LanyardException(AwsErrorCode.LimitExceeded, "too many");
        assertEquals(AwsErrorCode.LimitExceeded, e.code());
        assertEquals("LanyardException[LimitExceeded]: too many", e.toString());
    }
}
