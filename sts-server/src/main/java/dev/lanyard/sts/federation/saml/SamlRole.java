package dev.lanyard.sts.federation.saml;

import java.util.Objects;

/** One value of the {@code https://aws.amazon.com/SAML/Attributes/Role} attribute: a role and the provider that may assume it. */
public record SamlRole(String roleArn, String providerArn) {
  public SamlRole {
    Objects.requireNonNull(roleArn, "roleArn");
    Objects.requireNonNull(providerArn, "providerArn");
  }
}
