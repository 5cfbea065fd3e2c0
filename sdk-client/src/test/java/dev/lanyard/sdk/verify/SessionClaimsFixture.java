package dev.lanyard.sdk.verify;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The claims of a role session as the server writes them ({@code SessionTokenFormat}). */
final class SessionClaimsFixture {
  static final String ISSUER = "https://sts.test.internal";
  static final String ACCOUNT = "111122223333";
  static final String ROLE_ARN = "arn:aws:iam::111122223333:role/Deployer";
  static final String PRINCIPAL_ARN = "arn:aws:sts::111122223333:assumed-role/Deployer/deploy-1";
  static final String ACCESS_KEY_ID = "ASIAABCDEFGHIJKLMN23";
  static final String SEALED_SECRET = "c2VhbGVkLXNlY3JldC1ieXRlcy1ub3QtdG8tYmUtc2hvd24";
  static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";

  private SessionClaimsFixture() {}

  /** A role session issued at {@code issuedAt} for one hour, with every optional claim set. */
  static Map<String, Object> roleSession(Instant issuedAt) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("iss", ISSUER);
    c.put("sub", PRINCIPAL_ARN);
    c.put("iat", issuedAt.getEpochSecond());
    c.put("exp", issuedAt.getEpochSecond() + 3600);
    c.put("lan:pt", "AssumedRole");
    c.put("lan:acct", ACCOUNT);
    c.put("lan:role", ROLE_ARN);
    c.put("lan:rid", "AROAEXAMPLEROLEID0001");
    c.put("lan:sn", "deploy-1");
    c.put("lan:uid", "AROAEXAMPLEROLEID0001:deploy-1");
    c.put("lan:si", "alice@example.com");
    c.put("lan:tags", Map.of("Project", "blue", "Team", "core"));
    c.put("lan:ttk", List.of("Project"));
    c.put("lan:mfa", issuedAt.getEpochSecond() - 60);
    c.put("lan:fed", Map.of("amr", List.of("pwd", "mfa")));
    c.put("lan:cd", 1);
    c.put("lan:pol", POLICY);
    c.put("lan:parn", List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"));
    c.put("lan:akid", ACCESS_KEY_ID);
    c.put("lan:sakid", "AKIAE2EALICEKEYAAAAA");
    c.put("lan:dk", "data-key-1");
    c.put("lan:sec", SEALED_SECRET);
    return c;
  }

  /** {@code claims} with {@code name} set to {@code value}, or removed when the value is null. */
  static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(claims);
    if (value == null) {
      copy.remove(name);
    } else {
      copy.put(name, value);
    }
    return copy;
  }
}
