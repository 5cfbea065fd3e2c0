package dev.lanyard.sts.auth;

import dev.lanyard.policy.eval.PrincipalType;
import dev.lanyard.sdk.signing.InvalidSignatureException;
import dev.lanyard.sdk.signing.SigV4Verifier;
import dev.lanyard.sdk.signing.SignableRequest;
import dev.lanyard.sdk.signing.SignatureClaim;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.token.SessionGrant;
import dev.lanyard.sts.token.SessionTokenVerifier;
import dev.lanyard.sts.token.TokenRejectedException;
import dev.lanyard.sts.token.VerifiedSession;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Authenticates a SigV4-signed request, whichever front door it came through: checks the form,
 * scope and freshness of the signature (more than 5 minutes of skew is {@code RequestExpired}),
 * finds the secret — of a long-term key in the store, or sealed inside a verified session token —,
 * verifies the signature in constant time, and returns the {@link Caller}. Every refusal is a
 * {@link LanyardException} with AWS's code and wording; none echoes a secret or a token.
 */
public final class RequestAuthenticator {
  /** AWS refuses requests whose X-Amz-Date is more than 5 minutes from the server's clock. */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  private final SigV4Verifier verifier;
  private final LongTermKeys keys;
  private final SessionTokenVerifier sessions;
  private final String region;
  private final String service;

  public RequestAuthenticator(LongTermKeys keys, SessionTokenVerifier sessions, Clock clock,
      String region, String service) {
    this.verifier = new SigV4Verifier(clock, MAX_CLOCK_SKEW);
    this.keys = keys;
    this.sessions = sessions;
    this.region = region;
    this.service = service;
  }

  public Caller authenticate(SignableRequest request, String sourceAddress) {
    try {
      SignatureClaim claim = verifier.claim(request);
      verifier.requireScope(claim, region, service);
      verifier.requireFresh(claim);
      return claim.sessionToken() != null
          ? sessionCaller(request, claim, sourceAddress)
          : longTermCaller(request, claim, sourceAddress);
    } catch (InvalidSignatureException e) {
      throw new LanyardException(AwsErrorCode.valueOf(e.awsErrorCode()), e.getMessage(), false);
    }
  }

  private Caller longTermCaller(SignableRequest request, SignatureClaim claim, String source) {
    Optional<LongTermKey> found = keys.find(claim.accessKeyId());
    if (found.isEmpty() || !found.get().active()) {
      // AWS answers the same for an unknown, deleted or inactive key.
      throw invalidToken();
    }
    LongTermKey key = found.get();
    verifier.verify(request, claim, key.secret().utf8());
    return key.root()
        ? new Caller(PrincipalType.ACCOUNT_ROOT, key.arn(), key.accountId(), key.accountId(), null,
            null, key.accessKeyId(), null, source)
        : new Caller(PrincipalType.USER, key.arn(), key.accountId(), key.userId(), key.userName(),
            null, key.accessKeyId(), null, source);
  }

  private Caller sessionCaller(SignableRequest request, SignatureClaim claim, String source) {
    VerifiedSession session;
    try {
      session = sessions.verify(claim.sessionToken());
    } catch (TokenRejectedException e) {
      if (e.reason() == TokenRejectedException.Reason.EXPIRED) {
        throw new LanyardException(AwsErrorCode.ExpiredToken,
            "The security token included in the request is expired", false);
      }
      throw invalidToken();
    }
    if (!session.accessKeyId().equals(claim.accessKeyId())) {
      // A token presented with another session's access key id.
      throw invalidToken();
    }
    String secret = session.secret().reveal();
    verifier.verify(request, claim, secret);
    return callerOf(session, source);
  }

  /** The caller a verified session stands for. */
  public static Caller callerOf(VerifiedSession session, String source) {
    SessionGrant g = session.claims().grant();
    return switch (g.principalType()) {
      case ACCOUNT -> new Caller(PrincipalType.ACCOUNT_ROOT, g.principalArn(), g.accountId(),
          g.userId(), null, null, session.accessKeyId(), session, source);
      case USER -> new Caller(PrincipalType.USER, g.principalArn(), g.accountId(), g.userId(),
          g.principalArn().substring(g.principalArn().lastIndexOf('/') + 1), null,
          session.accessKeyId(), session, source);
      case FEDERATED_USER -> new Caller(PrincipalType.FEDERATED_USER, g.principalArn(),
          g.accountId(), g.userId(), null, null, session.accessKeyId(), session, source);
      case ASSUMED_ROLE -> new Caller(PrincipalType.ASSUMED_ROLE, g.principalArn(), g.accountId(),
          g.userId(), null, g.roleArn(), session.accessKeyId(), session, source);
    };
  }

  private static LanyardException invalidToken() {
    return new LanyardException(AwsErrorCode.InvalidClientTokenId,
        "The security token included in the request is invalid.", false);
  }
}
