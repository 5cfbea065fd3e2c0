package dev.lanyard.sts.authz.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lanyard.policy.eval.PrincipalType;
import dev.lanyard.proto.authz.v1.AuthorizeRequest;
import dev.lanyard.proto.authz.v1.SignedRequest;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchSubjectsTest {
  private final List<String> resolvedFor = new ArrayList<>();
  private final BatchSubjects subjects = new BatchSubjects(r -> {
    String name = switch (r.getPrincipalCase()) {
      case SESSION_TOKEN -> r.getSessionToken();
      case ACCESS_KEY_ID -> r.getAccessKeyId();
      case SIGNED_REQUEST -> "signed";
      case PRINCIPAL_NOT_SET -> "caller";
    };
    resolvedFor.add(name);
    if (name.startsWith("bad")) {
      throw new LanyardException(AwsErrorCode.InvalidClientTokenId, "refused " + name);
    }
    return new Caller(PrincipalType.USER, "arn:aws:iam::111122223333:user/" + name, "111122223333",
        "AIDA" + name, name, null, "AKIA" + name, null, null);
  });

  private static AuthorizeRequest token(String token) {
    return AuthorizeRequest.newBuilder().setSessionToken(token).setAction("s3:GetObject").setResource("*").build();
  }

  @Test
  void eachDistinctPrincipalIsResolvedOncePerBatch() {
    Caller a = subjects.of(token("a"));
    assertSame(a, subjects.of(token("a")));
    Caller b = subjects.of(token("b"));
    assertSame(a, subjects.of(token("a")), "an earlier principal, not the last");
    assertSame(b, subjects.of(token("b")));
    subjects.of(AuthorizeRequest.newBuilder().setAccessKeyId("a").build());
    subjects.of(AuthorizeRequest.getDefaultInstance());
    subjects.of(AuthorizeRequest.getDefaultInstance());
    assertEquals(List.of("a", "b", "a", "caller"), resolvedFor,
        "a session token and an access key id with the same text are different principals");
  }

  @Test
  void aTokenSpelledLikeAnotherKindOfKeyIsStillADifferentPrincipal() {
    subjects.of(AuthorizeRequest.getDefaultInstance());
    subjects.of(AuthorizeRequest.newBuilder().setAccessKeyId("a").build());
    subjects.of(token("caller"));
    subjects.of(token("key:a"));
    assertEquals(List.of("caller", "a", "caller", "key:a"), resolvedFor,
        "session tokens 'caller' and 'key:a' are resolved as tokens, not taken for the caller or key a");
  }

  @Test
  void aRefusedPrincipalIsRefusedForEveryRequestNamingIt() {
    LanyardException first = assertThrows(LanyardException.class, () -> subjects.of(token("bad")));
    subjects.of(token("a"));
    LanyardException again = assertThrows(LanyardException.class, () -> subjects.of(token("bad")));
    assertSame(first, again);
    assertEquals(List.of("bad", "a"), resolvedFor);
  }

  @Test
  void signedRequestsAreVerifiedEachTime() {
    AuthorizeRequest signed = AuthorizeRequest.newBuilder().setSignedRequest(SignedRequest.getDefaultInstance()).build();
    subjects.of(signed);
    subjects.of(signed);
    assertEquals(List.of("signed", "signed"), resolvedFor);
  }
}
