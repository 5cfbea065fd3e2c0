package dev.lanyard.sts.session;

/** The parameters of GetFederationToken. */
public record GetFederationTokenInput(String name, SessionPolicyInput sessionPolicy, Integer durationSeconds,
    SessionTagsInput tags) {
  public GetFederationTokenInput {
    sessionPolicy = sessionPolicy == null ? SessionPolicyInput.none() : sessionPolicy;
    tags = tags == null ? SessionTagsInput.none() : tags;
  }
}
