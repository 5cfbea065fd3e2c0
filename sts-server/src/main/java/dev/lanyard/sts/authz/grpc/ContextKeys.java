package dev.lanyard.sts.authz.grpc;

import dev.lanyard.sts.authz.RequestContextFactory;

import dev.lanyard.proto.authz.v1.ContextValue;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request context keys a service supplies with Authorize. Keys that only the credentials or the
 * server can speak for (principal keys, user id and name, token issue time, MFA facts, source
 * identity, current time, federated provider, via-service) are refused with {@code ValidationError}
 * rather than silently replaced.
 */
final class ContextKeys {
  private ContextKeys() {}

  static Map<String, List<String>> of(Map<String, ContextValue> supplied) {
    if (supplied.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> keys = new HashMap<>(supplied.size() * 2);
    supplied.forEach((key, value) -> {
      String lower = key.toLowerCase(Locale.ROOT);
      if (key.isEmpty() || key.length() > 256) {
        throw new LanyardException(AwsErrorCode.ValidationError,
            "context: a key is empty or longer than 256 characters; give keys such as aws:SourceIp");
      }
      if (RequestContextFactory.reserved(lower)) {
        throw new LanyardException(AwsErrorCode.ValidationError, "context: the key " + key
            + " is derived by Lanyard from the principal's credentials and cannot be supplied; leave it out");
      }
      keys.put(key, List.copyOf(value.getValuesList()));
    });
    return keys;
  }

}
