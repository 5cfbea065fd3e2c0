package dev.lanyard.cli.output;

import dev.lanyard.sdk.credentials.CredentialsUnavailableException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Prints why a command failed and what to do, and gives its exit code. The text comes from the
 * server's message and the local error's message, which never carry secrets; option values are
 * never echoed.
 */
public final class FailureReport {
  private static final Map<String, String> ADVICE = Map.ofEntries(
      Map.entry("AccessDenied", "the calling identity is not allowed to do this; check who you are with"
          + " `lanyard sts get-caller-identity` and ask an administrator for a policy that allows the action"),
      Map.entry("InvalidClientTokenId", "the access key id is unknown or inactive; check AWS_ACCESS_KEY_ID or"
          + " the profile's aws_access_key_id, or create a new key with `lanyard iam create-access-key`"),
      Map.entry("SignatureDoesNotMatch", "the secret access key does not match the access key id; check"
          + " AWS_SECRET_ACCESS_KEY (or the profile's aws_secret_access_key) and --region"),
      Map.entry("ExpiredToken", "the session credentials have expired or were revoked; get new ones"
          + " (for example with `lanyard sts assume-role`)"),
      Map.entry("NoSuchEntity", "the named entity does not exist; check the name, for example with"
          + " `lanyard iam list-users` or `lanyard iam list-roles`"),
      Map.entry("EntityAlreadyExists", "an entity with that name exists; choose another name or use the existing one"),
      Map.entry("DeleteConflict", "detach, remove or delete what still refers to the entity first"),
      Map.entry("LimitExceeded", "a quota is reached; delete unused items (keys, versions) first"),
      Map.entry("MalformedPolicyDocument", "fix the policy; `lanyard policy validate --type TYPE FILE` shows"
          + " each problem with its line and column"),
      Map.entry("PackedPolicyTooLarge", "pass a shorter session policy or fewer session tags"),
      Map.entry("ValidationError", "check the option values against `--help`"),
      Map.entry("InvalidIdentityToken", "the web identity token is not accepted; check its issuer, audience and"
          + " expiry and that the OIDC provider is registered"),
      Map.entry("IDPRejectedClaim", "the identity provider's token was refused; check the role's trust policy"),
      Map.entry("RegionDisabledException", "use the server's region with --region or LANYARD_REGION"),
      Map.entry("Throttling", "too many requests; wait and try again"),
      Map.entry("ServiceUnavailable", "the server cannot serve now; try again shortly"),
      Map.entry("InternalFailure", "the server failed; try again, and report the request id if it persists"));

  private FailureReport() {}

  /**
   * Reports {@code error} on {@code err} and returns the exit code; rethrows errors it does not
   * recognise (picocli then reports them).
   *
   * @param endpoints the endpoints called, for the unreachable case
   */
  public static int report(RuntimeException error, String endpoints, PrintWriter err) {
    var failure = ServiceFailure.of(error);
    if (failure.isPresent() && failure.get().unreachable()) {
      ServiceFailure f = failure.get();
      err.println("lanyard: cannot reach the Lanyard server at " + endpoints + " (" + f.status() + ": " + f.message() + ")");
      err.println("  What to do: check that the server runs and that --endpoint (or LANYARD_ENDPOINT) names its gRPC"
          + " address; a local node serves without TLS unless started with --tls-cert, so add --plaintext (or set"
          + " LANYARD_PLAINTEXT=true); with TLS, trust its CA with --ca-file.");
      err.flush();
      return ExitCodes.UNREACHABLE;
    }
    if (failure.isPresent()) {
      ServiceFailure f = failure.get();
      String message = f.message().startsWith(f.code() + ": ") ? f.message().substring(f.code().length() + 2) : f.message();
      err.println("lanyard: " + f.code() + ": " + message
          + (f.requestId().isEmpty() ? "" : " (request id " + f.requestId() + ")"));
      err.println("  What to do: " + ADVICE.getOrDefault(f.code(), "see the message above"));
      if (!f.encodedMessage().isEmpty()) {
        err.println("  Why: run `lanyard sts decode-authorization-message --encoded-message "
            + f.encodedMessage() + "` with credentials allowed sts:DecodeAuthorizationMessage.");
      }
      err.flush();
      return ExitCodes.REFUSED;
    }
    if (error instanceof CredentialsUnavailableException) {
      err.println("lanyard: NoCredentials: " + error.getMessage());
      err.println("  What to do: export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for"
          + " session credentials), or name a profile of ~/.aws/credentials or ~/.aws/config with --profile.");
      err.flush();
      return ExitCodes.REFUSED;
    }
    if (error instanceof UncheckedIOException) {
      err.println("lanyard: " + error.getMessage());
      err.println("  What to do: give readable PEM files to --ca-file, --client-cert and --client-key.");
      err.flush();
      return ExitCodes.USAGE;
    }
    throw error;
  }
}
