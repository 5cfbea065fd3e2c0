package dev.lanyard.sts.authz.grpc;

import dev.lanyard.proto.authz.v1.AuthorizeRequest;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.error.LanyardException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The subjects of one AuthorizeBatch: each distinct principal is resolved (and permission-checked)
 * once per batch, and a failure to resolve it is remembered too, so every request naming it fails
 * the same way. The last principal is compared first: a batch usually names one principal
 * throughout, and comparing its key with the last one's costs less than hashing it. Not
 * thread-safe; one per batch.
 */
final class BatchSubjects {
  private final Function<AuthorizeRequest, Caller> resolve;
  private final Map<Object, Object> resolved = new HashMap<>();
  private Object lastKey;
  private Object lastSubject;

  /** @param resolve finds and checks the subject of a request, throwing {@link LanyardException} */
  BatchSubjects(Function<AuthorizeRequest, Caller> resolve) {
    this.resolve = resolve;
  }

  /** The subject of {@code r}. */
  Caller of(AuthorizeRequest r) {
    Object key = PrincipalResolver.batchKey(r);
    if (key == null) {
      return resolve.apply(r);
    }
    Object known;
    if (key.equals(lastKey)) {
      known = lastSubject;
    } else {
      known = resolved.get(key);
      if (known == null) {
        try {
          known = resolve.apply(r);
        } catch (LanyardException e) {
          known = e;
        }
        resolved.put(key, known);
      }
      lastKey = key;
      lastSubject = known;
    }
    if (known instanceof LanyardException e) {
      throw e;
    }
    return (Caller) known;
  }
}
