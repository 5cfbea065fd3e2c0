package dev.lanyard.sts.iam;

import dev.lanyard.sts.store.model.Tag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The request condition keys IAM administration calls carry, as AWS documents them:
 * {@code aws:RequestTag/<key>} and {@code aws:TagKeys} for tagging, {@code iam:PermissionsBoundary}
 * and {@code iam:PolicyARN} for boundaries and attachments.
 */
final class ConditionKeys {
  private final Map<String, List<String>> keys = new HashMap<>();

  static ConditionKeys of() {
    return new ConditionKeys();
  }

  ConditionKeys tags(List<Tag> tags) {
    if (!tags.isEmpty()) {
      tags.forEach(t -> keys.put("aws:RequestTag/" + t.key(), List.of(t.value())));
      keys.put("aws:TagKeys", tags.stream().map(Tag::key).toList());
    }
    return this;
  }

  ConditionKeys tagKeys(List<String> tagKeys) {
    if (!tagKeys.isEmpty()) {
      keys.put("aws:TagKeys", List.copyOf(tagKeys));
    }
    return this;
  }

  ConditionKeys boundary(String policyArn) {
    if (policyArn != null) {
      keys.put("iam:PermissionsBoundary", List.of(policyArn));
    }
    return this;
  }

  ConditionKeys policyArn(String policyArn) {
    keys.put("iam:PolicyARN", List.of(policyArn));
    return this;
  }

  Map<String, List<String>> map() {
    return Map.copyOf(keys);
  }
}
