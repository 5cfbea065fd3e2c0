package dev.lanyard.sts.federation.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsSamlAttributesTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/Admins";
  private static final String PROVIDER = "arn:aws:iam::123456789012:saml-provider/Corp";

  private static Map<String, List<String>> base() {
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    attributes.put(AwsSamlAttributes.ROLE, List.of(ROLE + "," + PROVIDER));
    attributes.put(AwsSamlAttributes.ROLE_SESSION_NAME, List.of("alice"));
    return attributes;
  }

  private static void invalid(Map<String, List<String>> attributes, String reason) {
    LanyardException e = assertThrows(LanyardException.class, () -> AwsSamlAttributes.from(attributes));
    assertEquals(AwsErrorCode.InvalidIdentityToken, e.code());
    assertTrue(e.getMessage().contains(reason), e::getMessage);
  }

  @Test
  void rolePairsAreReadInEitherOrder() {
    Map<String, List<String>> attributes = base();
    attributes.put(AwsSamlAttributes.ROLE, List.of(ROLE + "," + PROVIDER, PROVIDER + ", " + ROLE + "2"));
    assertEquals(List.of(new SamlRole(ROLE, PROVIDER), new SamlRole(ROLE + "2", PROVIDER)),
        AwsSamlAttributes.from(attributes).roles());
  }

  @Test
  void aRoleValueThatIsNotAPairIsRefused() {
    Map<String, List<String>> attributes = base();
    attributes.put(AwsSamlAttributes.ROLE, List.of(ROLE));
    invalid(attributes, "not a pair");
    attributes.put(AwsSamlAttributes.ROLE, List.of(ROLE + "," + ROLE));
    invalid(attributes, "saml-provider");
  }

  @Test
  void theRoleAndSessionNameAreRequired() {
    Map<String, List<String>> attributes = base();
    attributes.remove(AwsSamlAttributes.ROLE_SESSION_NAME);
    invalid(attributes, "RoleSessionName");
    attributes = base();
    attributes.remove(AwsSamlAttributes.ROLE);
    invalid(attributes, "Role attribute");
  }

  @Test
  void sessionNameRules() {
    Map<String, List<String>> attributes = base();
    attributes.put(AwsSamlAttributes.ROLE_SESSION_NAME, List.of("a"));
    invalid(attributes, "2 to 64");
    attributes.put(AwsSamlAttributes.ROLE_SESSION_NAME, List.of("x".repeat(65)));
    invalid(attributes, "2 to 64");
    attributes.put(AwsSamlAttributes.ROLE_SESSION_NAME, List.of("bad name"));
    invalid(attributes, "2 to 64");
    attributes.put(AwsSamlAttributes.ROLE_SESSION_NAME, List.of("ok", "two"));
    invalid(attributes, "exactly one");
    attributes.put(AwsSamlAttributes.ROLE_SESSION_NAME, List.of("a.b+c=d,e@f-g_h"));
    assertEquals("a.b+c=d,e@f-g_h", AwsSamlAttributes.from(attributes).sessionName());
  }

  @Test
  void sessionDurationBounds() {
    Map<String, List<String>> attributes = base();
    attributes.put(AwsSamlAttributes.SESSION_DURATION, List.of("899"));
    invalid(attributes, "900 to 43200");
    attributes.put(AwsSamlAttributes.SESSION_DURATION, List.of("43201"));
    invalid(attributes, "900 to 43200");
    attributes.put(AwsSamlAttributes.SESSION_DURATION, List.of("ten"));
    invalid(attributes, "900 to 43200");
    attributes.put(AwsSamlAttributes.SESSION_DURATION, List.of("43200"));
    assertEquals(Duration.ofHours(12), AwsSamlAttributes.from(attributes).sessionDuration().orElseThrow());
  }

  @Test
  void tagRules() {
    Map<String, List<String>> attributes = base();
    attributes.put(AwsSamlAttributes.PRINCIPAL_TAG + "aws:x", List.of("v"));
    invalid(attributes, "PrincipalTag key");
    attributes = base();
    attributes.put(AwsSamlAttributes.PRINCIPAL_TAG + "Team", List.of("a", "b"));
    invalid(attributes, "exactly one");
    attributes = base();
    attributes.put(AwsSamlAttributes.PRINCIPAL_TAG + "Team", List.of("a"));
    attributes.put(AwsSamlAttributes.PRINCIPAL_TAG + "team", List.of("b"));
    invalid(attributes, "twice ignoring case");
    attributes = base();
    attributes.put(AwsSamlAttributes.PRINCIPAL_TAG + "Team", List.of("bad<value>"));
    invalid(attributes, "value is not accepted");
    attributes = base();
    for (int i = 0; i < 51; i++) {
      attributes.put(AwsSamlAttributes.PRINCIPAL_TAG + "k" + i, List.of("v"));
    }
    invalid(attributes, "at most 50");
  }

  @Test
  void transitiveKeysMustBeTags() {
    Map<String, List<String>> attributes = base();
    attributes.put(AwsSamlAttributes.PRINCIPAL_TAG + "Team", List.of("blue"));
    attributes.put(AwsSamlAttributes.TRANSITIVE_TAG_KEYS, List.of("team"));
    assertEquals(List.of("team"), AwsSamlAttributes.from(attributes).transitiveTagKeys());
    attributes.put(AwsSamlAttributes.TRANSITIVE_TAG_KEYS, List.of("Project"));
    invalid(attributes, "not the key of a PrincipalTag");
  }

  @Test
  void sourceIdentityRules() {
    Map<String, List<String>> attributes = base();
    attributes.put(AwsSamlAttributes.SOURCE_IDENTITY, List.of("alice@example.com"));
    assertEquals("alice@example.com", AwsSamlAttributes.from(attributes).sourceIdentity().orElseThrow());
    attributes.put(AwsSamlAttributes.SOURCE_IDENTITY, List.of("has space"));
    invalid(attributes, "SourceIdentity");
  }
}
