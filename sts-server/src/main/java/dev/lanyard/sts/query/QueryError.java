package dev.lanyard.sts.query;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import java.util.Objects;

/**
 * An error as the STS Query API reports it: the {@code Type} ({@code Sender} or {@code Receiver}),
 * the AWS {@code Code}, the {@code Message} and the HTTP status. Service errors come from a
 * {@link LanyardException}; the protocol's own errors (no {@code Action}, an unknown action or
 * version, a body too large) have codes that only this door uses, spelled as AWS spells them.
 *
 * @param type {@code Sender} or {@code Receiver}
 * @param code the AWS error code
 * @param message what was wrong and what is accepted; never a secret
 * @param httpStatus the HTTP status AWS answers with
 */
public record QueryError(String type, String code, String message, int httpStatus) {
  private static final String SENDER = AwsErrorCode.Fault.SENDER.wireName();
  private static final String RECEIVER = AwsErrorCode.Fault.RECEIVER.wireName();

  public QueryError {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /** A service error, with its code's fault side and HTTP status. */
  public static QueryError of(LanyardException e) {
    AwsErrorCode code = e.code();
    return new QueryError(code.fault().wireName(), code.name(), e.getMessage(), code.httpStatus());
  }

  /** An unexpected failure: nothing of the cause reaches the caller. */
  public static QueryError internal(String requestId) {
    return new QueryError(RECEIVER, AwsErrorCode.ServiceFailure.name(),
        "the request failed inside the service; request id " + requestId,
        AwsErrorCode.ServiceFailure.httpStatus());
  }

  /** No {@code Action} parameter. */
  static QueryError missingAction() {
    return new QueryError(SENDER, "MissingAction",
        "Action: the request must contain the parameter Action, the STS operation to call (e.g."
            + " Action=GetCallerIdentity)", 400);
  }

  /** An {@code Action} this service does not have, or a {@code Version} it does not speak. */
  static QueryError invalidAction(String action, String version) {
    return new QueryError(SENDER, "InvalidAction", "Could not find operation "
        + QueryParameters.echo(action) + " for version " + QueryParameters.echo(version)
        + "; STS answers " + QueryParameters.VERSION + " with AssumeRole, AssumeRoleWithSAML,"
        + " AssumeRoleWithWebIdentity, DecodeAuthorizationMessage, GetAccessKeyInfo,"
        + " GetCallerIdentity, GetFederationToken and GetSessionToken", 400);
  }

  /** A required protocol parameter is absent. */
  static QueryError missingParameter(String name, String accepted) {
    return new QueryError(SENDER, "MissingParameter",
        "The request must contain the parameter " + name + " (" + accepted + ")", 400);
  }

  /** A parameter that cannot be read as the type it must have, or that appears twice. */
  static QueryError invalidParameter(String name, String problem) {
    return new QueryError(SENDER, AwsErrorCode.InvalidParameterValue.name(), name + ": " + problem,
        AwsErrorCode.InvalidParameterValue.httpStatus());
  }

  /** A query string or form body that is not valid URL encoding. */
  static QueryError malformedQuery(String problem) {
    return new QueryError(SENDER, "MalformedQueryString", problem
        + "; send parameters as application/x-www-form-urlencoded UTF-8 name=value pairs", 400);
  }

  /** A body larger than the door accepts. */
  static QueryError bodyTooLarge(int limit) {
    return new QueryError(SENDER, AwsErrorCode.ValidationError.name(),
        "Request body: larger than the " + limit + " bytes accepted; STS requests are small form bodies",
        413);
  }

  /** A method other than GET or POST. */
  static QueryError methodNotAllowed(String method) {
    return new QueryError(SENDER, "InvalidHttpRequest", "HTTP method " + QueryParameters.echo(method)
        + " is not accepted here; send POST with a form body or GET with a query string", 405);
  }

  /** A POST body that is not a URL-encoded form. */
  static QueryError unsupportedContentType(String contentType) {
    return new QueryError(SENDER, AwsErrorCode.InvalidParameterValue.name(),
        "Content-Type: " + QueryParameters.echo(contentType) + " is not accepted; the body must be"
            + " application/x-www-form-urlencoded", 415);
  }
}
