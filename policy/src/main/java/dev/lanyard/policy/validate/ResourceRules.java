package dev.lanyard.policy.validate;

import dev.lanyard.policy.model.PolicyVersion;
import dev.lanyard.policy.model.SourcePosition;
import dev.lanyard.policy.model.Statement;
import dev.lanyard.policy.model.ValueClause;
import java.util.List;

/**
 * {@code Resource}/{@code NotResource} values: {@code "*"} or an ARN
 * {@code arn:partition:service:region:account:resource} (wildcards allowed), as IAM requires
 * ("Resource ... must be in ARN format or "*""). Only the six-segment shape with a partition and
 * a service is required: AWS accepts an empty resource segment (the AWS managed policy
 * AmazonDevOpsGuruOrganizationsAccess has {@code arn:aws:organizations::*:}), which
 * {@code Arn.parse} refuses. Variables are literal under 2008-10-17.
 */
final class ResourceRules {
  private ResourceRules() {}

  static void check(Statement s, PolicyVersion version, List<Finding> out) {
    ValueClause r = s.resource();
    if (r == null) {
      return;
    }
    String element = r.negated() ? "NotResource" : "Resource";
    for (int i = 0; i < r.values().size(); i++) {
      String value = r.values().get(i);
      SourcePosition at = r.positionOf(i);
      if (!value.equals("*") && !hasArnShape(value)) {
        out.add(Finding.error(at, element + " " + ValueText.quote(value) + " must be in ARN format "
            + "or \"*\"; accepted: \"*\" or arn:partition:service:region:account:resource, e.g. "
            + "arn:aws:s3:::amzn-s3-demo-bucket/*"));
      }
      if (ValueText.hasVariable(value) && !version.supportsVariables()) {
        out.add(VersionRules.literalVariable(at, element, value));
      }
    }
  }

  /** {@code arn:} followed by partition, service, region, account and resource segments. */
  static boolean hasArnShape(String value) {
    if (!value.startsWith("arn:")) {
      return false;
    }
    int partitionEnd = value.indexOf(':', 4);
    int serviceEnd = partitionEnd < 0 ? -1 : value.indexOf(':', partitionEnd + 1);
    int regionEnd = serviceEnd < 0 ? -1 : value.indexOf(':', serviceEnd + 1);
    int accountEnd = regionEnd < 0 ? -1 : value.indexOf(':', regionEnd + 1);
    return accountEnd > 0 && partitionEnd > 4 && serviceEnd > partitionEnd + 1;
  }
}
