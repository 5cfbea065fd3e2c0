package dev.lanyard.sts.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The declarative bootstrap file (YAML or JSON): accounts and everything in them. Policy documents
 * may be written as objects or as JSON strings. Field names are the contract of issue 3; unknown
 * fields are refused so that a typo is not silently ignored.
 */
public record BootstrapFile(List<AccountSpec> accounts) {
  public BootstrapFile {
    accounts = accounts == null ? List.of() : List.copyOf(accounts);
  }

  public record AccountSpec(String id, String alias, List<UserSpec> users, List<GroupSpec> groups,
      List<RoleSpec> roles, List<PolicySpec> policies, List<OidcProviderSpec> oidcProviders,
      List<SamlProviderSpec> samlProviders, List<InstanceProfileSpec> instanceProfiles) {
    public AccountSpec {
      users = orEmpty(users);
      groups = orEmpty(groups);
      roles = orEmpty(roles);
      policies = orEmpty(policies);
      oidcProviders = orEmpty(oidcProviders);
      samlProviders = orEmpty(samlProviders);
      instanceProfiles = orEmpty(instanceProfiles);
    }
  }

  public record UserSpec(String name, String path, List<String> groups, Map<String, String> tags,
      Map<String, JsonNode> inlinePolicies, List<String> managedPolicies, String permissionsBoundary,
      List<AccessKeySpec> accessKeys) {
    public UserSpec {
      groups = orEmpty(groups);
      tags = tags == null ? Map.of() : tags;
      inlinePolicies = inlinePolicies == null ? Map.of() : inlinePolicies;
      managedPolicies = orEmpty(managedPolicies);
      accessKeys = orEmpty(accessKeys);
    }
  }

  /** An access key given in the file: for tests and demos only (the server warns when it loads one). */
  public record AccessKeySpec(String accessKeyId, String secretAccessKey) {
    @Override
    public String toString() {
      return "AccessKeySpec[" + accessKeyId + "]";
    }
  }

  public record GroupSpec(String name, String path, Map<String, JsonNode> inlinePolicies,
      List<String> managedPolicies) {
    public GroupSpec {
      inlinePolicies = inlinePolicies == null ? Map.of() : inlinePolicies;
      managedPolicies = orEmpty(managedPolicies);
    }
  }

  public record RoleSpec(String name, String path, JsonNode trustPolicy, Integer maxSessionDuration,
      String description, Map<String, String> tags, Map<String, JsonNode> inlinePolicies,
      List<String> managedPolicies, String permissionsBoundary) {
    public RoleSpec {
      tags = tags == null ? Map.of() : tags;
      inlinePolicies = inlinePolicies == null ? Map.of() : inlinePolicies;
      managedPolicies = orEmpty(managedPolicies);
    }
  }

  public record PolicySpec(String name, String path, String description, JsonNode document) {}

  public record OidcProviderSpec(String url, List<String> clientIds, List<String> thumbprints) {
    public OidcProviderSpec {
      clientIds = orEmpty(clientIds);
      thumbprints = orEmpty(thumbprints);
    }
  }

  public record SamlProviderSpec(String name, String metadata) {}

  public record InstanceProfileSpec(String name, String path, String role) {}

  private static <T> List<T> orEmpty(List<T> l) {
    return l == null ? List.of() : List.copyOf(l);
  }
}
