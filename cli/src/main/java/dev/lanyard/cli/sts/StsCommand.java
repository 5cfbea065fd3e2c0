package dev.lanyard.cli.sts;

import dev.lanyard.cli.credentials.EnvironmentScope;
import dev.lanyard.cli.verb.Verb;
import dev.lanyard.cli.verb.VerbCommand;
import dev.lanyard.proto.sts.v1.SecurityTokenServiceGrpc;
import dev.lanyard.sdk.client.LanyardClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lanyard sts}: the security token service's calls, with the AWS CLI's option names and
 * output shape. The calls go through {@link LanyardClient}'s STS methods, with their retries.
 */
@Command(
    name = "sts",
    mixinStandardHelpOptions = true,
    description = "Get temporary credentials and identity information (AWS STS).",
    modelTransformer = StsCommand.Verbs.class)
public final class StsCommand extends EnvironmentScope {

  /** The verbs of {@code lanyard sts}. */
  public static final List<Verb> VERBS = List.of(
      Verb.sts("assume-role", SecurityTokenServiceGrpc.getAssumeRoleMethod(), LanyardClient::assumeRole, true,
          "Temporary credentials for a role, subject to its trust policy.", "role_arn", "role_session_name"),
      Verb.sts("get-session-token", SecurityTokenServiceGrpc.getGetSessionTokenMethod(),
          LanyardClient::getSessionToken, true,
          "Temporary credentials for the calling user (long-term keys only), optionally with MFA."),
      Verb.sts("get-federation-token", SecurityTokenServiceGrpc.getGetFederationTokenMethod(),
          LanyardClient::getFederationToken, true,
          "Temporary credentials for a federated user, scoped by a session policy.", "name"),
      Verb.sts("get-caller-identity", SecurityTokenServiceGrpc.getGetCallerIdentityMethod(),
          (client, request) -> client.getCallerIdentity(), true,
          "Who the calling credentials belong to: UserId, Account and Arn."),
      Verb.sts("assume-role-with-web-identity", SecurityTokenServiceGrpc.getAssumeRoleWithWebIdentityMethod(),
          LanyardClient::assumeRoleWithWebIdentity, false,
          "Role credentials for an OIDC token from a registered provider (unsigned: the token is the proof).",
          "role_arn", "role_session_name", "web_identity_token"),
      Verb.sts("assume-role-with-saml", SecurityTokenServiceGrpc.getAssumeRoleWithSAMLMethod(),
          LanyardClient::assumeRoleWithSAML, false,
          "Role credentials for a SAML 2.0 response from a registered provider (unsigned).",
          "role_arn", "principal_arn", "saml_assertion"),
      Verb.sts("decode-authorization-message", SecurityTokenServiceGrpc.getDecodeAuthorizationMessageMethod(),
          LanyardClient::decodeAuthorizationMessage, true,
          "Decode the encoded message of an AccessDenied (needs sts:DecodeAuthorizationMessage).",
          "encoded_message"));

  /** Adds {@link #VERBS} as subcommands. */
  public static final class Verbs implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec group) {
      return VerbCommand.addAll(group, VERBS);
    }
  }
}
