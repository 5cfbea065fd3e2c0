package dev.lanyard.policy.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.policy.model.PrincipalClause;
import dev.lanyard.policy.model.PrincipalKind;
import dev.lanyard.policy.model.SourcePosition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrincipalMatcherTest {

  record Who(PrincipalKind principalKind, String arn, String accountId, String roleArn,
      String sourceUserArn, boolean accountRoot) implements PrincipalIdentity {}

  static final String ACCT = "111122223333";
  static final Who ROOT = new Who(PrincipalKind.AWS, "arn:aws:iam::111122223333:root", ACCT, null, null, true);
  static final Who ALICE = new Who(PrincipalKind.AWS, "arn:aws:iam::111122223333:user/alice", ACCT, null, null, false);
  static final Who SESSION = new Who(PrincipalKind.AWS, "arn:aws:sts::111122223333:assumed-role/Admin/s1",
      ACCT, "arn:aws:iam::111122223333:role/ops/Admin", null, false);
  static final Who FEDERATED = new Who(PrincipalKind.AWS, "arn:aws:sts::111122223333:federated-user/bob",
      ACCT, null, "arn:aws:iam::111122223333:user/broker", false);
  static final Who OTHER = new Who(PrincipalKind.AWS, "arn:aws:iam::444455556666:user/eve", "444455556666", null, null, false);
  static final Who EC2 = new Who(PrincipalKind.SERVICE, "ec2.amazonaws.com", null, null, null, false);
  static final Who GOOGLE = new Who(PrincipalKind.FEDERATED, "accounts.google.com", null, null, null, false);
  static final Who ANONYMOUS = new Who(null, null, null, null, null, false);

  static PrincipalMatcher aws(String... ids) {
    return PrincipalMatcher.compile(new PrincipalClause(false, false,
        Map.of(PrincipalKind.AWS, List.of(ids)), SourcePosition.UNKNOWN));
  }

  static PrincipalMatcher notAws(String... ids) {
    return PrincipalMatcher.compile(new PrincipalClause(true, false,
        Map.of(PrincipalKind.AWS, List.of(ids)), SourcePosition.UNKNOWN));
  }

  @Test
  void wildcardNamesEveryoneDirectly() {
    PrincipalMatcher star = PrincipalMatcher.compile(new PrincipalClause(false, true, Map.of(), SourcePosition.UNKNOWN));
    for (Who w : List.of(ROOT, ALICE, SESSION, FEDERATED, EC2, GOOGLE, ANONYMOUS)) {
      assertEquals(PrincipalGrant.DIRECT, star.grant(w));
    }
    assertEquals(PrincipalGrant.DIRECT, aws("*").grant(ANONYMOUS));
  }

  @Test
  void accountIdAndRootArnNameTheWholeAccount() {
    for (PrincipalMatcher m : List.of(aws(ACCT), aws("arn:aws:iam::111122223333:root"))) {
      assertEquals(PrincipalGrant.ACCOUNT, m.grant(ROOT));
      assertEquals(PrincipalGrant.ACCOUNT, m.grant(ALICE));
      assertEquals(PrincipalGrant.ACCOUNT, m.grant(SESSION));
      assertEquals(PrincipalGrant.ACCOUNT, m.grant(FEDERATED));
      assertEquals(PrincipalGrant.NONE, m.grant(OTHER));
      assertEquals(PrincipalGrant.NONE, m.grant(ANONYMOUS));
    }
  }

  @Test
  void userSessionAndRoleArns() {
    assertEquals(PrincipalGrant.DIRECT, aws("arn:aws:iam::111122223333:user/alice").grant(ALICE));
    assertEquals(PrincipalGrant.NONE, aws("arn:aws:iam::111122223333:user/alice").grant(OTHER));
    assertEquals(PrincipalGrant.DIRECT, aws("arn:aws:sts::111122223333:assumed-role/Admin/s1").grant(SESSION));
    assertEquals(PrincipalGrant.ENTITY, aws("arn:aws:iam::111122223333:role/ops/Admin").grant(SESSION));
    assertEquals(PrincipalGrant.NONE, aws("arn:aws:iam::111122223333:role/Admin").grant(SESSION),
        "role ARNs compare exactly, path included");
    assertEquals(PrincipalGrant.DIRECT,
        aws("arn:aws:iam::111122223333:role/ops/Admin", "arn:aws:sts::111122223333:assumed-role/Admin/s1").grant(SESSION));
    assertEquals(PrincipalGrant.DIRECT, aws("arn:aws:sts::111122223333:federated-user/bob").grant(FEDERATED));
    assertEquals(PrincipalGrant.ENTITY, aws("arn:aws:iam::111122223333:user/broker").grant(FEDERATED));
  }

  @Test
  void serviceAndFederatedKeys() {
    PrincipalMatcher m = PrincipalMatcher.compile(new PrincipalClause(false, false, Map.of(
        PrincipalKind.SERVICE, List.of("ec2.amazonaws.com"),
        PrincipalKind.FEDERATED, List.of("accounts.google.com")), SourcePosition.UNKNOWN));
    assertEquals(PrincipalGrant.DIRECT, m.grant(EC2));
    assertEquals(PrincipalGrant.DIRECT, m.grant(GOOGLE));
    assertEquals(PrincipalGrant.NONE, m.grant(ALICE));
    assertEquals(PrincipalGrant.NONE, aws("ec2.amazonaws.com").grant(EC2), "a service is not an AWS principal");
  }

  @Test
  void notPrincipalNeedsEveryIdentityListed() {
    // AWS docs, NotPrincipal: list the user and its account.
    assertTrue(notAws("arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:root").listsAllIdentitiesOf(ALICE));
    assertFalse(notAws("arn:aws:iam::111122223333:user/alice").listsAllIdentitiesOf(ALICE));
    assertTrue(notAws("arn:aws:iam::111122223333:user/alice").applies(ALICE), "without the account the deny applies");
    // Role sessions: the session, the role and the account.
    assertTrue(notAws("arn:aws:sts::111122223333:assumed-role/Admin/s1", "arn:aws:iam::111122223333:role/ops/Admin",
        ACCT).listsAllIdentitiesOf(SESSION));
    assertFalse(notAws("arn:aws:sts::111122223333:assumed-role/Admin/s1", ACCT).listsAllIdentitiesOf(SESSION));
    assertTrue(notAws(ACCT).listsAllIdentitiesOf(ROOT));
    assertFalse(notAws(ACCT).listsAllIdentitiesOf(ANONYMOUS));
    assertTrue(notAws("*").listsAllIdentitiesOf(ANONYMOUS));
  }

  @Test
  void recognisesAccountIdsAndRootArns() {
    assertTrue(PrincipalMatcher.isAccountId("012345678901"));
    assertFalse(PrincipalMatcher.isAccountId("01234567890"));
    assertFalse(PrincipalMatcher.isAccountId("01234567890a"));
    assertEquals(ACCT, PrincipalMatcher.rootArnAccount("arn:aws-cn:iam::111122223333:root"));
    assertEquals(null, PrincipalMatcher.rootArnAccount("arn:aws:iam::111122223333:user/root"));
    assertEquals(null, PrincipalMatcher.rootArnAccount("arn:aws:sts::111122223333:root"));
  }
}
