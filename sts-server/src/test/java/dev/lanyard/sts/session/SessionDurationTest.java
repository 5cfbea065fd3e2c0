package dev.lanyard.sts.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionDurationTest {
  @Test
  void roleSessionsDefaultToAnHourAndRespectTheRoleAndChaining() {
    assertEquals(Duration.ofHours(1), SessionDuration.forRole(null, 43_200, false));
    assertEquals(Duration.ofHours(12), SessionDuration.forRole(43_200, 43_200, false));
    assertEquals(Duration.ofHours(1), SessionDuration.forRole(3600, 43_200, true));
    LanyardException chained = assertThrows(LanyardException.class, () -> SessionDuration.forRole(3601, 43_200, true));
    assertTrue(chained.getMessage().contains("role chaining"));
    assertThrows(LanyardException.class, () -> SessionDuration.forRole(7200, 3600, false));
    assertEquals(AwsErrorCode.ValidationError,
        assertThrows(LanyardException.class, () -> SessionDuration.forRole(899, 3600, false)).code());
  }

  @Test
  void userSessionsDefaultToTwelveHoursAndRootIsCappedAtOne() {
    assertEquals(Duration.ofHours(12), SessionDuration.forUser(null, false));
    assertEquals(Duration.ofHours(36), SessionDuration.forUser(129_600, false));
    assertEquals(Duration.ofHours(1), SessionDuration.forUser(null, true));
    assertEquals(Duration.ofMinutes(15), SessionDuration.forUser(900, true));
    assertThrows(LanyardException.class, () -> SessionDuration.forUser(129_601, false));
  }
}
