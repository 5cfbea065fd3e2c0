package dev.lanyard.sts.authz.grpc;

import dev.lanyard.policy.eval.PrincipalType;
import dev.lanyard.proto.authz.v1.AuthorizeRequest;
import dev.lanyard.proto.authz.v1.HttpField;
import dev.lanyard.proto.authz.v1.SignedRequest;
import dev.lanyard.sdk.signing.SignableRequest;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.auth.LongTermKey;
import dev.lanyard.sts.auth.LongTermKeys;
import dev.lanyard.sts.auth.RequestAuthenticator;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.token.SessionTokenVerifier;
import dev.lanyard.sts.token.TokenRejectedException;
import dev.lanyard.sts.token.VerifiedSession;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The principal an Authorize request is about: the signed caller when none is named; the session of
 * a {@code session_token} (verified, from the verifier's cache when seen before); the owner of an
 * active long-term {@code access_key_id}; or the signer of a whole {@code signed_request}, verified
 * as SigV4 for its region and service.
 */
final class PrincipalResolver {
  private final LongTermKeys keys;
  private final SessionTokenVerifier sessions;
  private final Clock clock;
  private final String region;
  private final Map<String, RequestAuthenticator> authenticators = new ConcurrentHashMap<>();

  PrincipalResolver(LongTermKeys keys, SessionTokenVerifier sessions, Clock clock, String region) {
    this.keys = keys;
    this.sessions = sessions;
    this.clock = clock;
    this.region = region;
  }

  /**
   * A key naming the principal of {@code r} within one batch, or null when it must not be reused:
   * the session token (a batch usually names one session a hundred times), {@code key:} and the
   * access key id, or {@code caller}. Keys of different kinds are never equal, whatever a token
   * holds. The token is kept as the String the parser made: asking for its bytes would encode every
   * token again (in a profile of AuthorizeBatch, a fifth of what the node allocated).
   */
  static Object batchKey(AuthorizeRequest r) {
    return switch (r.getPrincipalCase()) {
      case SESSION_TOKEN -> new SessionTokenKey(r.getSessionToken());
      case ACCESS_KEY_ID -> "key:" + r.getAccessKeyId();
      case SIGNED_REQUEST -> null;
      case PRINCIPAL_NOT_SET -> "caller";
    };
  }

  /** A session token as a batch key: never equal to the keys of the other kinds of principal. */
  private record SessionTokenKey(String token) {}

  Caller resolve(Caller caller, AuthorizeRequest r) {
    return switch (r.getPrincipalCase()) {
      case SESSION_TOKEN -> sessionCaller(r.getSessionToken());
      case ACCESS_KEY_ID -> longTermCaller(r.getAccessKeyId());
      case SIGNED_REQUEST -> signer(r.getSignedRequest());
      case PRINCIPAL_NOT_SET -> caller;
    };
  }

  private Caller sessionCaller(String token) {
    VerifiedSession session;
    try {
      session = sessions.verify(token);
    } catch (TokenRejectedException e) {
      if (e.reason() == TokenRejectedException.Reason.EXPIRED) {
        throw new LanyardException(AwsErrorCode.ExpiredToken,
            "session_token: the security token is expired; the service's caller needs new credentials");
      }
      throw new LanyardException(AwsErrorCode.InvalidClientTokenId,
          "session_token: the security token is invalid (not issued by this service, altered, or signed by a"
              + " key this service no longer publishes)");
    }
    return RequestAuthenticator.callerOf(session, null);
  }

  private Caller longTermCaller(String accessKeyId) {
    if (accessKeyId.startsWith("ASIA")) {
      throw new LanyardException(AwsErrorCode.ValidationError, "access_key_id: " + accessKeyId
          + " is a session key id; name a session by its session_token instead");
    }
    Optional<LongTermKey> found = keys.find(accessKeyId);
    if (found.isEmpty() || !found.get().active()) {
      throw new LanyardException(AwsErrorCode.InvalidClientTokenId, "access_key_id: the access key "
          + accessKeyId + " does not exist or is not active; give an Active long-term (AKIA) key");
    }
    LongTermKey key = found.get();
    return key.root()
        ? new Caller(PrincipalType.ACCOUNT_ROOT, key.arn(), key.accountId(), key.accountId(), null, null,
            key.accessKeyId(), null, null)
        : new Caller(PrincipalType.USER, key.arn(), key.accountId(), key.userId(), key.userName(), null,
            key.accessKeyId(), null, null);
  }

  private Caller signer(SignedRequest s) {
    String scopeRegion = s.getRegion().isEmpty() ? region : s.getRegion();
    String service = s.getService().isEmpty() ? "sts" : s.getService();
    SignableRequest request;
    try {
      SignableRequest.Builder b = SignableRequest.builder(s.getMethod(), s.getPath());
      for (HttpField q : s.getQueryParametersList()) {
        b.queryParameter(q.getName(), q.getValue());
      }
      for (HttpField h : s.getHeadersList()) {
        b.header(h.getName(), h.getValue());
      }
      if (s.getBodyCase() == SignedRequest.BodyCase.PAYLOAD_SHA256) {
        b.payloadSha256(s.getPayloadSha256());
      } else {
        b.payload(s.getPayload().toByteArray());
      }
      request = b.build();
    } catch (IllegalArgumentException e) {
      throw new LanyardException(AwsErrorCode.ValidationError, "signed_request: " + e.getMessage());
    }
    RequestAuthenticator authenticator = authenticators.computeIfAbsent(scopeRegion + "/" + service,
        k -> new RequestAuthenticator(keys, sessions, clock, scopeRegion, service));
    return authenticator.authenticate(request, null);
  }
}
