package dev.lanyard.sts.session;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.token.PackedPolicySize;
import dev.lanyard.sts.token.SessionPolicy;
import dev.lanyard.sts.token.SessionTags;

/** {@code PackedPolicySize}: measured for the result, {@code PackedPolicyTooLarge} over 100 %. */
public final class PackedPolicyCheck {
  private PackedPolicyCheck() {}

  /**
   * The percentage to report, or null when neither a session policy nor tags were passed.
   *
   * @param passed whether the caller passed a policy or tags in this request
   */
  public static Integer measure(SessionPolicy policy, SessionTags tags, boolean passed) {
    PackedPolicySize size = PackedPolicySize.measure(policy, tags);
    if (size.exceedsLimit()) {
      throw new LanyardException(AwsErrorCode.PackedPolicyTooLarge, size.problem());
    }
    return passed ? size.percent() : null;
  }
}
