package dev.lanyard.policy.eval;

import dev.lanyard.policy.compile.PolicyRequest;
import java.util.Objects;

/**
 * One request to authorize.
 *
 * @param principal who asks
 * @param action {@code service:Action}, e.g. {@code s3:GetObject}
 * @param resource the resource ARN, or {@code *} for actions without one
 * @param resourceAccount the account that owns the resource; when null, the account in the
 *     resource ARN if it has one, else the principal's account (an S3 bucket ARN has no account)
 * @param context condition keys; null means none
 */
public record AuthorizationRequest(
    RequestPrincipal principal,
    String action,
    String resource,
    String resourceAccount,
    RequestContext context)
    implements PolicyRequest {

  /** Fills the defaults described above. */
  public AuthorizationRequest {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(action, "action is null; expected service:Action, e.g. s3:GetObject");
    Objects.requireNonNull(resource, "resource is null; expected an ARN or *");
    if (context == null) {
      context = RequestContext.empty();
    }
    if (resourceAccount == null || resourceAccount.isEmpty()) {
      String fromArn = accountOf(resource);
      resourceAccount = fromArn != null ? fromArn : principal.accountId();
    }
  }

  /** A request whose resource account comes from the resource ARN or the principal. */
  public static AuthorizationRequest of(
      RequestPrincipal principal, String action, String resource, RequestContext context) {
    return new AuthorizationRequest(principal, action, resource, null, context);
  }

  /** The non-empty account segment of an ARN, or null. */
  private static String accountOf(String resource) {
    if (!resource.startsWith("arn:")) {
      return null;
    }
    int colon = 3;
    for (int i = 0; i < 3; i++) {
      colon = resource.indexOf(':', colon + 1);
      if (colon < 0) {
        return null;
      }
    }
    int end = resource.indexOf(':', colon + 1);
    if (end < 0 || end == colon + 1) {
      return null;
    }
    return resource.substring(colon + 1, end);
  }
}
