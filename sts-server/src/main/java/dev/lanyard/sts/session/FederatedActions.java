package dev.lanyard.sts.session;

import dev.lanyard.sts.token.SessionTags;
import java.util.ArrayList;
import java.util.List;

/** The actions a federated role session needs from the trust policy, and the facts it carries. */
final class FederatedActions {
  /** The federation fact naming the provider's ARN, read back as {@code aws:FederatedProvider}. */
  static final String PROVIDER_FACT = "provider";

  private FederatedActions() {}

  /**
   * {@code action}, plus {@code sts:TagSession} when the token brings session tags and
   * {@code sts:SetSourceIdentity} when it brings a source identity.
   */
  static List<String> of(String action, SessionTags tags, String sourceIdentity) {
    List<String> actions = new ArrayList<>(3);
    actions.add(action);
    if (!tags.isEmpty()) {
      actions.add("sts:TagSession");
    }
    if (sourceIdentity != null) {
      actions.add("sts:SetSourceIdentity");
    }
    return actions;
  }
}
