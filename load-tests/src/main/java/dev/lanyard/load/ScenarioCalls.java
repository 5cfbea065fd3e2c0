package dev.lanyard.load;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import dev.lanyard.proto.authz.v1.AuthorizeBatchRequest;
import dev.lanyard.proto.authz.v1.AuthorizeBatchResponse;
import dev.lanyard.proto.authz.v1.AuthorizeBatchResult;
import dev.lanyard.proto.authz.v1.AuthorizeRequest;
import dev.lanyard.proto.authz.v1.AuthorizeResponse;
import dev.lanyard.proto.authz.v1.AuthorizerGrpc;
import dev.lanyard.proto.authz.v1.Decision;
import dev.lanyard.proto.sts.v1.AssumeRoleRequest;
import dev.lanyard.proto.sts.v1.GetCallerIdentityRequest;
import dev.lanyard.proto.sts.v1.SecurityTokenServiceGrpc;
import dev.lanyard.sdk.client.LanyardClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls of each scenario, sent asynchronously over the clients' signed channels, taken in
 * turn (one single-endpoint client per target and connection). Authorize and AuthorizeBatch ask about a
 * role session minted once before the run (the session token is the request's principal, as a
 * service asks about a caller it received), for objects of {@code arn:aws:s3:::load-data} that the
 * role may read; one such decision is checked to be ALLOW before the run starts. AssumeRoleWithWebIdentity
 * goes over unsigned clients with the tokens of {@link WebIdentityTokens}, in turn.
 */
final class ScenarioCalls {
  static final int DISTINCT_OBJECTS = 1000;
  private static final int BATCH_VARIANTS = 10;

  private ScenarioCalls() {}

  /** The scenario's call; mints the session for the Authorize scenarios and checks one decision. */
  static LoadCall prepare(Scenario scenario, LoadIdentity identity, List<LanyardClient> clients, int batchSize,
      Duration runLength) {
    return switch (scenario) {
      case ASSUME_ROLE -> assumeRole(identity, clients);
      case GET_CALLER_IDENTITY -> callerIdentity(clients);
      case AUTHORIZE -> authorize(sessionToken(identity, clients.get(0), runLength), clients);
      case AUTHORIZE_BATCH -> authorizeBatch(sessionToken(identity, clients.get(0), runLength), clients, batchSize);
      case WEB_IDENTITY -> webIdentity(identity, clients);
    };
  }

  private static LoadCall assumeRole(LoadIdentity identity, List<LanyardClient> clients) {
    List<SecurityTokenServiceGrpc.SecurityTokenServiceFutureStub> stubs = new ArrayList<>();
    clients.forEach(c -> stubs.add(SecurityTokenServiceGrpc.newFutureStub(c.channel())));
    AssumeRoleRequest request = AssumeRoleRequest.newBuilder().setRoleArn(identity.roleArn())
        .setRoleSessionName("lanyard-load").build();
    return sequence -> Futures.transform(pick(stubs, sequence).assumeRole(request), r -> {
      if (r.getCredentials().getSessionToken().isEmpty()) {
        throw new IllegalStateException("AssumeRole returned no session token");
      }
      return CallResult.ONE;
    }, MoreExecutors.directExecutor());
  }

  private static LoadCall webIdentity(LoadIdentity identity, List<LanyardClient> clients) {
    if (identity.webIdentityTokens() == null) {
      throw new IllegalArgumentException("web-identity: no ID tokens; the run must host the IdP (WebIdentityLoad)");
    }
    List<SecurityTokenServiceGrpc.SecurityTokenServiceFutureStub> stubs = new ArrayList<>();
    clients.forEach(c -> stubs.add(SecurityTokenServiceGrpc.newFutureStub(c.channel())));
    WebIdentityTokens tokens = identity.webIdentityTokens();
    return sequence -> Futures.transform(pick(stubs, sequence).assumeRoleWithWebIdentity(
        WebIdentityLoad.request(identity.roleArn(), tokens.token(sequence))), r -> {
          if (r.getCredentials().getSessionToken().isEmpty()) {
            throw new IllegalStateException("AssumeRoleWithWebIdentity returned no session token");
          }
          return CallResult.ONE;
        }, MoreExecutors.directExecutor());
  }

  private static LoadCall callerIdentity(List<LanyardClient> clients) {
    List<SecurityTokenServiceGrpc.SecurityTokenServiceFutureStub> stubs = new ArrayList<>();
    clients.forEach(c -> stubs.add(SecurityTokenServiceGrpc.newFutureStub(c.channel())));
    GetCallerIdentityRequest request = GetCallerIdentityRequest.getDefaultInstance();
    return sequence -> Futures.transform(pick(stubs, sequence).getCallerIdentity(request), r -> CallResult.ONE,
        MoreExecutors.directExecutor());
  }

  private static LoadCall authorize(String token, List<LanyardClient> clients) {
    List<AuthorizerGrpc.AuthorizerFutureStub> stubs = authorizers(clients);
    List<AuthorizeRequest> requests = new ArrayList<>(DISTINCT_OBJECTS);
    for (int i = 0; i < DISTINCT_OBJECTS; i++) {
      requests.add(request(token, i));
    }
    requireAllowed(clients.get(0).authorizer().authorize(requests.get(0)));
    return sequence -> Futures.transform(
        pick(stubs, sequence).authorize(requests.get((int) (sequence % DISTINCT_OBJECTS))),
        r -> r.getDecision() == Decision.ALLOW ? CallResult.ONE
            : new CallResult(1, List.of("UnexpectedDecision:" + r.getDecision().name())),
        MoreExecutors.directExecutor());
  }

  private static LoadCall authorizeBatch(String token, List<LanyardClient> clients, int batchSize) {
    List<AuthorizerGrpc.AuthorizerFutureStub> stubs = authorizers(clients);
    List<AuthorizeBatchRequest> batches = new ArrayList<>(BATCH_VARIANTS);
    for (int v = 0; v < BATCH_VARIANTS; v++) {
      AuthorizeBatchRequest.Builder b = AuthorizeBatchRequest.newBuilder();
      for (int i = 0; i < batchSize; i++) {
        b.addRequests(request(token, (v * batchSize + i) % DISTINCT_OBJECTS));
      }
      batches.add(b.build());
    }
    AuthorizeBatchResponse first = clients.get(0).authorizer().authorizeBatch(batches.get(0));
    if (first.getResultsCount() != batchSize) {
      throw new IllegalStateException("AuthorizeBatch answered " + first.getResultsCount() + " of " + batchSize
          + " requests");
    }
    requireAllowed(first.getResults(0).getResult());
    return sequence -> Futures.transform(pick(stubs, sequence).authorizeBatch(batches.get((int) (sequence % BATCH_VARIANTS))),
        ScenarioCalls::batchResult, MoreExecutors.directExecutor());
  }

  static CallResult batchResult(AuthorizeBatchResponse response) {
    int decisions = 0;
    List<String> failed = new ArrayList<>(0);
    for (AuthorizeBatchResult r : response.getResultsList()) {
      if (!r.hasResult()) {
        failed.add(r.getFailure().getCode().isEmpty() ? "BatchItemFailure" : r.getFailure().getCode());
      } else if (r.getResult().getDecision() != Decision.ALLOW) {
        failed.add("UnexpectedDecision:" + r.getResult().getDecision().name());
      } else {
        decisions++;
      }
    }
    return new CallResult(decisions, failed);
  }

  private static AuthorizeRequest request(String token, int object) {
    return AuthorizeRequest.newBuilder().setSessionToken(token).setAction("s3:GetObject")
        .setResource("arn:aws:s3:::" + LoadSetup.DATA_BUCKET + "/object-" + object).build();
  }

  private static void requireAllowed(AuthorizeResponse r) {
    if (r.getDecision() != Decision.ALLOW) {
      throw new IllegalStateException("the load role's session is not allowed s3:GetObject on "
          + LoadSetup.DATA_BUCKET + " (" + r.getDecision() + ": " + r.getReason() + "); run with --setup or give a"
          + " role that may read arn:aws:s3:::" + LoadSetup.DATA_BUCKET + "/*");
    }
  }

  /** A session of the load role lasting the whole run (at least 15 minutes, at most 12 hours). */
  private static String sessionToken(LoadIdentity identity, LanyardClient client, Duration runLength) {
    long seconds = Math.max(900, Math.min(43200, runLength.toSeconds() + 600));
    return client.assumeRole(AssumeRoleRequest.newBuilder().setRoleArn(identity.roleArn())
            .setRoleSessionName("lanyard-load-authorize").setDurationSeconds((int) seconds).build())
        .getCredentials().getSessionToken();
  }

  private static List<AuthorizerGrpc.AuthorizerFutureStub> authorizers(List<LanyardClient> clients) {
    List<AuthorizerGrpc.AuthorizerFutureStub> stubs = new ArrayList<>();
    clients.forEach(c -> stubs.add(AuthorizerGrpc.newFutureStub(c.channel())));
    return stubs;
  }

  private static <T> T pick(List<T> stubs, long sequence) {
    return stubs.get((int) (sequence % stubs.size()));
  }
}
