package dev.lanyard.sdk.verify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The session policy a token carries: it can only narrow what the principal's own policies allow.
 *
 * @param document the inline session policy, minified JSON, or null when there is none
 * @param managedPolicyArns the managed session policies' ARNs, in request order
 */
public record SessionPolicy(String document, List<String> managedPolicyArns) {
  /** No session policy. */
  public static final SessionPolicy NONE = new SessionPolicy(null, List.of());

  public SessionPolicy {
    managedPolicyArns = List.copyOf(Objects.requireNonNull(managedPolicyArns, "managedPolicyArns"));
  }

  /** The inline document, when there is one. */
  public Optional<String> inlineDocument() {
    return Optional.ofNullable(document);
  }

  /** Whether there is neither an inline document nor a managed ARN. */
  public boolean isEmpty() {
    return document == null && managedPolicyArns.isEmpty();
  }
}
