package dev.lanyard.sts.store;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.model.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IamInputTest {
    private static void rejected(AwsErrorCode code, Runnable call) {
        LanyardException e = assertThrows(LanyardException.class, call::run);
        assertEquals(code, e.code(), e.getMessage());
    }

    @Test
    void namesFollowAwsPatternAndLength() {
        assertEquals("a.b+c=d,e@f_g-h", IamInput.name("userName", "a.b+c=d,e@f_g-h", 64));
        rejected(AwsErrorCode.ValidationError, () -> IamInput.name("userName", "with space", 64));
        rejected(AwsErrorCode.ValidationError, () -> IamInput.name("userName", "", 64));
        LanyardException e = assertThrows(LanyardException.class, () -> IamInput.name("roleName", "r".repeat(65), 64));
        assertTrue(e.getMessage().startsWith("roleName has 65 characters"), e.getMessage());
        rejected(AwsErrorCode.ValidationError, () -> IamInput.name("userName", null, 64));
    }

    @Test
    void pathsBeginAndEndWithSlash() {
        assertEquals("/", IamInput.path("path", "/"));
        assertEquals("/a/b/", IamInput.path("path", "/a/b/"));
        rejected(AwsErrorCode.ValidationError, () -> IamInput.path("path", "/a"));
        rejected(AwsErrorCode.ValidationError, () -> IamInput.path("path", "a/"));
        assertEquals("/", IamInput.pathPrefix("pathPrefix", null));
    }

    @Test
    void tagsAndOidcInputsFollowAwsRules() {
        IamInput.tag("tags[0]", new Tag("Cost Center", "a:b/c=d+e-f@g_h."));
        rejected(AwsErrorCode.InvalidInput, () -> IamInput.tag("tags[0]", new Tag("AWS:x", "v")));
        rejected(AwsErrorCode.ValidationError, () -> IamInput.tag("tags[0]", new Tag("k", "semi;colon")));
        rejected(AwsErrorCode.ValidationError, () -> IamInput.oidcUrl("url", "https://"));
        rejected(AwsErrorCode.ValidationError, () -> IamInput.oidcUrl("url", "https://x.example.com/?q=1"));
        rejected(AwsErrorCode.InvalidInput, () -> IamInput.oidcClientIds("clientIDList", List.of("a", "a")));
        rejected(AwsErrorCode.ValidationError, () -> IamInput.maxSessionDuration("maxSessionDuration", 900));
        rejected(AwsErrorCode.ValidationError, () -> IamInput.accountAlias("alias", "-bad"));
        assertEquals(5, IamLimits.policySize(" {a:\n b} "));
    }
}
