package dev.lanyard.sts.query;

import dev.lanyard.sts.session.AssumeRoleInput;
import dev.lanyard.sts.session.GetFederationTokenInput;
import dev.lanyard.sts.session.GetSessionTokenInput;
import dev.lanyard.sts.session.SamlInput;
import dev.lanyard.sts.session.StsOperations;
import dev.lanyard.sts.session.WebIdentityInput;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The STS actions the Query door answers, each mapped onto the shared service layer
 * ({@link StsOperations}): the same operations, validation and errors as the gRPC door.
 */
final class StsQueryActions {
  private StsQueryActions() {}

  /** Every action by its wire name. */
  static Map<String, QueryAction> of(StsOperations ops) {
    Map<String, QueryAction> actions = new LinkedHashMap<>();
    actions.put("AssumeRole", signed(p -> {
      AssumeRoleInput in = QueryInputs.assumeRole(p);
      return new QueryAction.Call(QueryInputs.auditAssumeRole(p),
          (caller, source) -> QueryResults.assumeRole(ops.assumeRole().assumeRole(caller, in)));
    }));
    actions.put("GetSessionToken", signed(p -> {
      GetSessionTokenInput in = QueryInputs.getSessionToken(p);
      return new QueryAction.Call(QueryInputs.auditGetSessionToken(p),
          (caller, source) -> QueryResults.sessionToken(ops.userSessions().getSessionToken(caller, in)));
    }));
    actions.put("GetFederationToken", signed(p -> {
      GetFederationTokenInput in = QueryInputs.getFederationToken(p);
      return new QueryAction.Call(QueryInputs.auditGetFederationToken(p),
          (caller, source) -> QueryResults.federationToken(ops.userSessions().getFederationToken(caller, in)));
    }));
    actions.put("GetCallerIdentity", signed(p -> new QueryAction.Call(Map.of(),
        (caller, source) -> QueryResults.callerIdentity(ops.identity().getCallerIdentity(caller)))));
    actions.put("GetAccessKeyInfo", signed(p -> {
      String accessKeyId = p.text("AccessKeyId");
      return new QueryAction.Call(QueryInputs.auditAccessKeyInfo(p),
          (caller, source) -> QueryResults.accessKeyInfo(ops.identity().getAccessKeyInfo(caller, accessKeyId)));
    }));
    actions.put("DecodeAuthorizationMessage", signed(p -> {
      String encoded = p.text("EncodedMessage");
      return new QueryAction.Call(Map.of(), (caller, source) -> QueryResults.decodedMessage(
          ops.identity().decodeAuthorizationMessage(caller, encoded)));
    }));
    actions.put("AssumeRoleWithWebIdentity", unsigned(p -> {
      WebIdentityInput in = QueryInputs.webIdentity(p);
      return new QueryAction.Call(QueryInputs.auditFederation(p),
          (caller, source) -> QueryResults.webIdentity(ops.webIdentity().assumeRoleWithWebIdentity(in, source)));
    }));
    actions.put("AssumeRoleWithSAML", unsigned(p -> {
      SamlInput in = QueryInputs.saml(p);
      return new QueryAction.Call(QueryInputs.auditFederation(p),
          (caller, source) -> QueryResults.saml(ops.saml().assumeRoleWithSaml(in, source)));
    }));
    return actions;
  }

  private static QueryAction signed(Function<QueryParameters, QueryAction.Call> reader) {
    return new QueryAction(true, reader);
  }

  /** A federation action: unsigned, the identity provider's token or assertion is the proof. */
  private static QueryAction unsigned(Function<QueryParameters, QueryAction.Call> reader) {
    return new QueryAction(false, reader);
  }
}
