package dev.lanyard.cli.authz;

import dev.lanyard.cli.credentials.EnvironmentScope;
import dev.lanyard.cli.verb.Verb;
import dev.lanyard.cli.verb.VerbCommand;
import dev.lanyard.proto.authz.v1.AuthorizerGrpc;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lanyard authz}: ask the Authorizer whether a request would be allowed. */
@Command(
    name = "authz",
    mixinStandardHelpOptions = true,
    description = "Authorisation decisions from the Lanyard Authorizer.",
    modelTransformer = AuthzCommand.Verbs.class)
public final class AuthzCommand extends EnvironmentScope {

  /** The verbs of {@code lanyard authz}. */
  public static final List<Verb> VERBS = List.of(
      Verb.call("authorize", AuthorizerGrpc.getAuthorizeMethod(),
          "Decide whether ACTION on RESOURCE is allowed for the calling credentials (or --session-token /"
              + " --access-key-id): Allow, ExplicitDeny or ImplicitDeny, with the deciding statements."
              + " The exit code is 0 whatever the decision.",
          "action", "resource"));

  /** Adds {@link #VERBS} as subcommands. */
  public static final class Verbs implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec group) {
      return VerbCommand.addAll(group, VERBS);
    }
  }
}
