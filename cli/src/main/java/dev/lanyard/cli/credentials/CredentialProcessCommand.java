package dev.lanyard.cli.credentials;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lanyard.cli.output.ExitCodes;
import dev.lanyard.cli.output.FailureReport;
import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sdk.credentials.CredentialsProvider;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code lanyard credential-process --profile P}: resolves profile P through the SDK (static keys,
 * {@code role_arn} with {@code source_profile} chains, web identity, ...) and prints the AWS
 * {@code credential_process} document, Version 1, so that AWS CLI and SDK profiles can say
 * {@code credential_process = lanyard credential-process --profile P}.
 */
@Command(
    name = "credential-process",
    mixinStandardHelpOptions = true,
    description = {
      "Print the credentials of --profile as the AWS credential_process JSON (Version 1):",
      "{\"Version\": 1, \"AccessKeyId\", \"SecretAccessKey\", \"SessionToken\", \"Expiration\"}.",
      "Use it from an AWS profile: credential_process = lanyard credential-process --profile P",
      "(P must not itself use this credential_process)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the credentials were printed",
      "1:the profile has no usable credentials, or the server refused them (the reason is on standard error)",
      "2:bad usage: --profile missing, malformed option",
      "3:cannot reach the endpoint that a role profile needs"
    })
public final class CredentialProcessCommand extends EnvironmentScope implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private ConnectionOptions connection;

  @Override
  public Integer call() {
    CliEnvironment environment = EnvironmentScope.find(spec);
    ConnectionSettings settings;
    try {
      settings = connection.settings(environment);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (settings.profile() == null || settings.profile().isEmpty()) {
      throw new ParameterException(spec.commandLine(),
          "--profile: required; name the profile of ~/.aws/credentials or ~/.aws/config to print credentials for");
    }
    try (CredentialsProvider provider = settings.credentialsProvider(environment)) {
      Credentials credentials = provider.resolve();
      spec.commandLine().getOut().println(document(credentials));
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    } catch (RuntimeException e) {
      return FailureReport.report(e, settings.endpointList(), spec.commandLine().getErr());
    }
  }

  /** The credential_process document of {@code credentials}, on one line. */
  static String document(Credentials credentials) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("Version", 1);
    json.put("AccessKeyId", credentials.accessKeyId());
    json.put("SecretAccessKey", credentials.secretAccessKey());
    if (credentials.sessionToken() != null) {
      json.put("SessionToken", credentials.sessionToken());
    }
    if (credentials.expiration() != null) {
      json.put("Expiration", credentials.expiration().truncatedTo(ChronoUnit.SECONDS).toString());
    }
    return json.toString();
  }
}
