package dev.lanyard.policy.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.policy.model.PrincipalKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPrincipalTest {

  @Test
  void readsEachPrincipalArn() {
    RequestPrincipal root = RequestPrincipal.fromArn("arn:aws:iam::111122223333:root", null);
    assertEquals(PrincipalType.ACCOUNT_ROOT, root.type());
    assertEquals("111122223333", root.accountId());
    assertTrue(root.accountRoot());

    RequestPrincipal user = RequestPrincipal.fromArn("arn:aws:iam::111122223333:user/div/alice", null);
    assertEquals(PrincipalType.USER, user.type());
    assertNull(user.roleArn());

    RequestPrincipal session = RequestPrincipal.fromArn("arn:aws:sts::111122223333:assumed-role/Admin/s1", null);
    assertEquals(PrincipalType.ASSUMED_ROLE, session.type());
    assertEquals("arn:aws:iam::111122223333:role/Admin", session.roleArn());
    assertEquals("arn:aws:iam::111122223333:role/Admin", session.principalArnContextValue());

    RequestPrincipal withPath = RequestPrincipal.fromArn("arn:aws-cn:sts::111122223333:assumed-role/Admin/s1",
        "arn:aws-cn:iam::111122223333:role/ops/Admin");
    assertEquals("arn:aws-cn:iam::111122223333:role/ops/Admin", withPath.roleArn());

    RequestPrincipal fed = RequestPrincipal.fromArn("arn:aws:sts::111122223333:federated-user/bob",
        "arn:aws:iam::111122223333:user/broker");
    assertEquals(PrincipalType.FEDERATED_USER, fed.type());
    assertEquals("arn:aws:iam::111122223333:user/broker", fed.sourceUserArn());
    assertEquals(PrincipalKind.AWS, fed.principalKind());
  }

  @ParameterizedTest
  @ValueSource(strings = {"alice", "arn:aws:s3:::bucket", "arn:aws:iam::111122223333:role/Admin",
      "arn:aws:iam::12345:user/alice", "arn:aws:iam:us-east-1:111122223333:user/alice",
      "arn:aws:sts::111122223333:assumed-role/Admin", "arn:aws:iam::111122223333:user/",
      "arn:aws:sts::111122223333:federated-user/"})
  void refusesOtherArns(String arn) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RequestPrincipal.fromArn(arn, null));
    assertTrue(e.getMessage().contains("expected"), e.getMessage());
  }

  @Test
  void otherPrincipals() {
    assertNull(RequestPrincipal.anonymous().principalKind());
    assertEquals(PrincipalKind.SERVICE, RequestPrincipal.service("ec2.amazonaws.com").principalKind());
    assertEquals(PrincipalKind.FEDERATED, RequestPrincipal.webIdentity("accounts.google.com").principalKind());
    assertEquals(PrincipalKind.FEDERATED, RequestPrincipal.saml("arn:aws:iam::111122223333:saml-provider/x").principalKind());
    assertEquals(PrincipalKind.CANONICAL_USER, RequestPrincipal.canonicalUser("79a59df9").principalKind());
    assertThrows(IllegalArgumentException.class,
        () -> new RequestPrincipal(PrincipalType.USER, "arn:aws:iam::1:user/a", "1", null, null));
    assertThrows(IllegalArgumentException.class,
        () -> new RequestPrincipal(PrincipalType.USER, "arn:aws:iam::111122223333:user/a", "111122223333", "r", null));
  }
}
