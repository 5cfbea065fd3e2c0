package dev.lanyard.sts.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.policy.validate.Finding;
import dev.lanyard.policy.validate.PolicySizes;
import dev.lanyard.policy.validate.PolicyType;
import dev.lanyard.policy.validate.PolicyValidator;
import dev.lanyard.policy.validate.Severity;
import dev.lanyard.policy.validate.ValidationReport;
import dev.lanyard.sts.bootstrap.BootstrapFile.AccountSpec;
import dev.lanyard.sts.bootstrap.BootstrapFile.GroupSpec;
import dev.lanyard.sts.bootstrap.BootstrapFile.RoleSpec;
import dev.lanyard.sts.bootstrap.BootstrapFile.UserSpec;
import dev.lanyard.sts.crypto.Secret;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.federation.saml.SamlMetadata;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.PageRequest;
import dev.lanyard.sts.store.model.Account;
import dev.lanyard.sts.store.model.AttachedPolicy;
import dev.lanyard.sts.store.model.InlinePolicy;
import dev.lanyard.sts.store.model.ManagedPolicyVersion;
import dev.lanyard.sts.store.model.NewGroup;
import dev.lanyard.sts.store.model.NewInstanceProfile;
import dev.lanyard.sts.store.model.NewManagedPolicy;
import dev.lanyard.sts.store.model.NewOidcProvider;
import dev.lanyard.sts.store.model.NewRole;
import dev.lanyard.sts.store.model.NewSamlProvider;
import dev.lanyard.sts.store.model.NewUser;
import dev.lanyard.sts.store.model.PolicyOwner;
import dev.lanyard.sts.store.model.Role;
import dev.lanyard.sts.store.model.Tag;
import dev.lanyard.sts.store.model.User;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies a {@link BootstrapFile} to the store idempotently: what exists and matches is left alone,
 * what is missing is created, what differs is updated (a changed managed policy gets a new default
 * version). Every policy document in the file is validated before anything is written, so a bad
 * document changes nothing. Applying the same file twice changes nothing the second time.
 */
public final class BootstrapApplier {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What applying did. {@code accountIds} in file order; {@code warnings} for the operator's log. */
  public record Result(List<String> accountIds, int changes, List<String> warnings) {}

  private final IamStore store;
  private int changes;
  private final List<String> warnings = new ArrayList<>();

  public BootstrapApplier(IamStore store) {
    this.store = store;
  }

  public synchronized Result apply(BootstrapFile file) {
    changes = 0;
    warnings.clear();
    validateDocuments(file);
    List<String> ids = new ArrayList<>();
    for (AccountSpec a : file.accounts()) {
      ids.add(applyAccount(a));
    }
    return new Result(ids, changes, List.copyOf(warnings));
  }

  // ---- validation before any write ----

  private static void validateDocuments(BootstrapFile file) {
    for (AccountSpec a : file.accounts()) {
      String acct = "account " + (a.id() != null ? a.id() : a.alias());
      for (var p : a.policies()) {
        check(document(p.document(), acct + " policy " + p.name()), PolicyType.IDENTITY,
            PolicySizes.MANAGED, acct + " policy " + p.name() + " document");
      }
      for (GroupSpec g : a.groups()) {
        g.inlinePolicies().forEach((n, d) -> check(document(d, n), PolicyType.IDENTITY,
            PolicySizes.INLINE_GROUP, acct + " group " + g.name() + " inline policy " + n));
      }
      for (UserSpec u : a.users()) {
        u.inlinePolicies().forEach((n, d) -> check(document(d, n), PolicyType.IDENTITY,
            PolicySizes.INLINE_USER, acct + " user " + u.name() + " inline policy " + n));
      }
      for (RoleSpec r : a.roles()) {
        if (r.trustPolicy() == null) {
          throw new BootstrapException(acct + " role " + r.name() + ": trustPolicy is required");
        }
        check(document(r.trustPolicy(), "trustPolicy"), PolicyType.TRUST, PolicySizes.TRUST,
            acct + " role " + r.name() + " trustPolicy");
        r.inlinePolicies().forEach((n, d) -> check(document(d, n), PolicyType.IDENTITY,
            PolicySizes.INLINE_ROLE, acct + " role " + r.name() + " inline policy " + n));
      }
    }
  }

  private static void check(String json, PolicyType type, int limit, String where) {
    ValidationReport report = PolicyValidator.validate(json, type, limit);
    for (Finding f : report.findings()) {
      if (f.severity() == Severity.ERROR) {
        throw new BootstrapException(where + ": " + f.code() + ": " + f.message() + " at " + f.path());
      }
    }
  }

  /** A document written as an object or as a JSON string, as JSON text. */
  static String document(JsonNode node, String what) {
    if (node == null || node.isNull()) {
      throw new BootstrapException(what + ": the policy document is missing");
    }
    return node.isTextual() ? node.asText() : node.toString();
  }

  /** Whether two documents say the same thing (ignoring whitespace and formatting). */
  static boolean sameDocument(String a, String b) {
    try {
      return JSON.readTree(a).equals(JSON.readTree(b));
    } catch (IOException e) {
      return false;
    }
  }

  // ---- applying ----

  private String applyAccount(AccountSpec a) {
    Account account;
    if (a.id() != null) {
      account = store.accounts().get(a.id()).orElse(null);
      if (account == null) {
        account = store.accounts().create(a.id(), a.alias());
        changes++;
      } else if (a.alias() != null && !a.alias().equals(account.alias())) {
        account = store.accounts().setAlias(a.id(), a.alias());
        changes++;
      }
    } else if (a.alias() != null) {
      account = store.accounts().findByAlias(a.alias()).orElse(null);
      if (account == null) {
        account = store.accounts().create(a.alias());
        changes++;
      }
    } else {
      throw new BootstrapException("an account needs an id or an alias, so that applying the file"
          + " again finds it");
    }
    String acct = account.id();
    for (var p : a.policies()) {
      applyPolicy(acct, p);
    }
    for (GroupSpec g : a.groups()) {
      applyGroup(acct, g);
    }
    for (UserSpec u : a.users()) {
      applyUser(acct, u);
    }
    for (RoleSpec r : a.roles()) {
      applyRole(acct, r);
    }
    for (var ip : a.instanceProfiles()) {
      applyInstanceProfile(acct, ip);
    }
    for (var o : a.oidcProviders()) {
      applyOidc(acct, o);
    }
    for (var s : a.samlProviders()) {
      applySaml(acct, s);
    }
    return acct;
  }

  private String arn(String acct, String type, String path, String name) {
    return "arn:" + store.partition() + ":iam::" + acct + ":" + type + (path == null ? "/" : path) + name;
  }

  private void applyPolicy(String acct, BootstrapFile.PolicySpec p) {
    String doc = document(p.document(), "policy " + p.name());
    String arn = arn(acct, "policy", p.path(), p.name());
    if (store.managedPolicies().get(arn).isEmpty()) {
      store.managedPolicies().create(acct, new NewManagedPolicy(p.name(), p.path(), p.description(),
          doc, List.of()));
      changes++;
      return;
    }
    ManagedPolicyVersion current = store.managedPolicies().defaultVersion(arn).orElse(null);
    if (current != null && sameDocument(current.document(), doc)) {
      return;
    }
    List<ManagedPolicyVersion> versions = store.managedPolicies().listVersions(arn);
    if (versions.size() >= 5) {
      versions.stream().filter(v -> !v.isDefault())
          .min((x, y) -> x.createDate().compareTo(y.createDate()))
          .ifPresent(v -> store.managedPolicies().deleteVersion(arn, v.versionId()));
    }
    store.managedPolicies().createVersion(arn, doc, true);
    changes++;
  }

  private void applyGroup(String acct, GroupSpec g) {
    if (store.groups().get(acct, g.name()).isEmpty()) {
      store.groups().create(acct, new NewGroup(g.name(), g.path()));
      changes++;
    }
    PolicyOwner owner = PolicyOwner.group(acct, g.name());
    applyInline(owner, g.inlinePolicies());
    applyAttached(owner, g.managedPolicies());
  }

  private void applyUser(String acct, UserSpec u) {
    User user = store.users().get(acct, u.name()).orElse(null);
    if (user == null) {
      user = store.users().create(acct, new NewUser(u.name(), u.path(), tags(u.tags()), null));
      changes++;
    } else {
      applyTags(user.tags(), u.tags(), t -> store.users().tag(acct, u.name(), t));
    }
    if (!Objects.equals(user.permissionsBoundaryArn(), u.permissionsBoundary())
        && u.permissionsBoundary() != null) {
      store.users().setPermissionsBoundary(acct, u.name(), u.permissionsBoundary());
      changes++;
    }
    Set<String> memberOf = new HashSet<>();
    store.groups().groupsForUser(acct, u.name(), PageRequest.first(1000)).items()
        .forEach(g -> memberOf.add(g.name()));
    for (String group : u.groups()) {
      if (!memberOf.contains(group)) {
        store.groups().addUser(acct, group, u.name());
        changes++;
      }
    }
    PolicyOwner owner = PolicyOwner.user(acct, u.name());
    applyInline(owner, u.inlinePolicies());
    applyAttached(owner, u.managedPolicies());
    for (var k : u.accessKeys()) {
      if (k.accessKeyId() == null || k.secretAccessKey() == null) {
        throw new BootstrapException("user " + u.name()
            + ": an access key needs both accessKeyId and secretAccessKey");
      }
      if (store.accessKeys().get(k.accessKeyId()).isEmpty()) {
        store.accessKeys().importKey(acct, u.name(), k.accessKeyId(), Secret.ofUtf8(k.secretAccessKey()));
        changes++;
      }
      warnings.add("loaded access key " + k.accessKeyId() + " for user " + u.name()
          + " from the bootstrap file: keys in files are for tests and demos only");
    }
  }

  private void applyRole(String acct, RoleSpec r) {
    String trust = document(r.trustPolicy(), "trustPolicy");
    Role role = store.roles().get(acct, r.name()).orElse(null);
    if (role == null) {
      role = store.roles().create(acct, new NewRole(r.name(), r.path(), trust, r.description(),
          r.maxSessionDuration(), tags(r.tags()), r.permissionsBoundary()));
      changes++;
    } else {
      Role changed = role;
      if (!sameDocument(role.trustPolicy(), trust)) {
        changed = changed.withTrustPolicy(trust);
      }
      if (r.description() != null && !r.description().equals(role.description())) {
        changed = changed.withDescription(r.description());
      }
      if (r.maxSessionDuration() != null && r.maxSessionDuration() != role.maxSessionDuration()) {
        changed = changed.withMaxSessionDuration(r.maxSessionDuration());
      }
      if (changed != role) {
        role = store.roles().update(changed);
        changes++;
      }
      applyTags(role.tags(), r.tags(), t -> store.roles().tag(acct, r.name(), t));
      if (r.permissionsBoundary() != null
          && !r.permissionsBoundary().equals(role.permissionsBoundaryArn())) {
        store.roles().setPermissionsBoundary(acct, r.name(), r.permissionsBoundary());
        changes++;
      }
    }
    PolicyOwner owner = PolicyOwner.role(acct, r.name());
    applyInline(owner, r.inlinePolicies());
    applyAttached(owner, r.managedPolicies());
  }

  private void applyInstanceProfile(String acct, BootstrapFile.InstanceProfileSpec ip) {
    var profile = store.instanceProfiles().get(acct, ip.name()).orElse(null);
    if (profile == null) {
      profile = store.instanceProfiles().create(acct, new NewInstanceProfile(ip.name(), ip.path(), List.of()));
      changes++;
    }
    if (ip.role() != null && profile.roleName() == null) {
      store.instanceProfiles().addRole(acct, ip.name(), ip.role());
      changes++;
    }
  }

  private void applyOidc(String acct, BootstrapFile.OidcProviderSpec o) {
    var existing = store.oidcProviders().findByUrl(acct, o.url()).orElse(null);
    if (existing == null) {
      store.oidcProviders().create(acct, new NewOidcProvider(o.url(), o.clientIds(), o.thumbprints(), List.of()));
      changes++;
      return;
    }
    for (String id : o.clientIds()) {
      if (!existing.clientIds().contains(id)) {
        store.oidcProviders().addClientId(existing.arn(), id);
        changes++;
      }
    }
    if (!o.thumbprints().isEmpty() && !new HashSet<>(o.thumbprints()).equals(new HashSet<>(existing.thumbprints()))) {
      store.oidcProviders().updateThumbprints(existing.arn(), o.thumbprints());
      changes++;
    }
  }

  private void applySaml(String acct, BootstrapFile.SamlProviderSpec s) {
    if (s.name() == null || s.metadata() == null) {
      throw new BootstrapException("a SAML provider needs name and metadata (the IdP metadata XML)");
    }
    String arn = "arn:" + store.partition() + ":iam::" + acct + ":saml-provider/" + s.name();
    Instant validUntil;
    try {
      // The same check as CreateSAMLProvider: an entity id and signing certificates.
      validUntil = SamlMetadata.parse(s.metadata()).validUntil().orElse(null);
    } catch (LanyardException e) {
      throw new BootstrapException("SAML provider " + s.name() + ": " + e.getMessage(), e);
    }
    var existing = store.samlProviders().get(arn).orElse(null);
    if (existing == null) {
      store.samlProviders().create(acct, new NewSamlProvider(s.name(), s.metadata(), validUntil, List.of()));
      changes++;
    } else if (!existing.metadataDocument().equals(s.metadata())) {
      store.samlProviders().updateMetadata(arn, s.metadata(), validUntil);
      changes++;
    }
  }

  private void applyInline(PolicyOwner owner, Map<String, JsonNode> policies) {
    for (var e : policies.entrySet()) {
      String doc = document(e.getValue(), e.getKey());
      InlinePolicy current = store.principalPolicies().getInline(owner, e.getKey()).orElse(null);
      if (current == null || !sameDocument(current.document(), doc)) {
        store.principalPolicies().putInline(owner, e.getKey(), doc);
        changes++;
      }
    }
  }

  private void applyAttached(PolicyOwner owner, List<String> arns) {
    Set<String> attached = new HashSet<>();
    for (AttachedPolicy a : store.principalPolicies().attachedPolicies(owner)) {
      attached.add(a.policyArn());
    }
    for (String arn : arns) {
      if (!attached.contains(arn)) {
        try {
          store.principalPolicies().attach(owner, arn);
        } catch (LanyardException e) {
          throw new BootstrapException(owner.kind() + " " + owner.name() + ": cannot attach "
              + arn + ": " + e.getMessage(), e);
        }
        changes++;
      }
    }
  }

  private void applyTags(List<Tag> current, Map<String, String> wanted,
      java.util.function.Consumer<List<Tag>> tagger) {
    List<Tag> missing = new ArrayList<>();
    for (var e : wanted.entrySet()) {
      boolean same = current.stream().anyMatch(t -> t.key().equals(e.getKey())
          && Objects.equals(t.value(), e.getValue()));
      if (!same) {
        missing.add(new Tag(e.getKey(), e.getValue()));
      }
    }
    if (!missing.isEmpty()) {
      tagger.accept(missing);
      changes++;
    }
  }

  private static List<Tag> tags(Map<String, String> m) {
    List<Tag> out = new ArrayList<>();
    m.forEach((k, v) -> out.add(new Tag(k, v == null ? "" : v)));
    return out;
  }
}
