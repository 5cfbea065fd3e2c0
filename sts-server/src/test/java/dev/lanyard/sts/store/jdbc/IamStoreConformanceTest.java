package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.crypto.KeyEncryptionKey;
import dev.lanyard.sts.crypto.Secret;
import dev.lanyard.sts.crypto.SecretSealer;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.Change;
import dev.lanyard.sts.store.ChangeOp;
import dev.lanyard.sts.store.EntityKind;
import dev.lanyard.sts.store.IamLimits;
import dev.lanyard.sts.store.Page;
import dev.lanyard.sts.store.PageRequest;
import dev.lanyard.sts.store.model.AccessKey;
import dev.lanyard.sts.store.model.AccessKeySecret;
import dev.lanyard.sts.store.model.AccessKeyStatus;
import dev.lanyard.sts.store.model.Account;
import dev.lanyard.sts.store.model.AttachedPolicy;
import dev.lanyard.sts.store.model.CreatedMfaDevice;
import dev.lanyard.sts.store.model.DataKey;
import dev.lanyard.sts.store.model.Group;
import dev.lanyard.sts.store.model.HostInstance;
import dev.lanyard.sts.store.model.InlinePolicy;
import dev.lanyard.sts.store.model.InstanceProfile;
import dev.lanyard.sts.store.model.KeyRingUpdate;
import dev.lanyard.sts.store.model.ManagedPolicy;
import dev.lanyard.sts.store.model.ManagedPolicyVersion;
import dev.lanyard.sts.store.model.NewGroup;
import dev.lanyard.sts.store.model.NewInstanceProfile;
import dev.lanyard.sts.store.model.NewManagedPolicy;
import dev.lanyard.sts.store.model.NewOidcProvider;
import dev.lanyard.sts.store.model.NewRole;
import dev.lanyard.sts.store.model.NewSamlProvider;
import dev.lanyard.sts.store.model.NewSigningKey;
import dev.lanyard.sts.store.model.NewUser;
import dev.lanyard.sts.store.model.OidcProvider;
import dev.lanyard.sts.store.model.PolicyOwner;
import dev.lanyard.sts.store.model.RingChanges;
import dev.lanyard.sts.store.model.RingDataKey;
import dev.lanyard.sts.store.model.RingSigningKey;
import dev.lanyard.sts.store.model.Role;
import dev.lanyard.sts.store.model.SamlProvider;
import dev.lanyard.sts.store.model.SigningKey;
import dev.lanyard.sts.store.model.SigningKeyState;
import dev.lanyard.sts.store.model.StoredKeyLifecycle;
import dev.lanyard.sts.store.model.Tag;
import dev.lanyard.sts.store.model.User;
import dev.lanyard.sts.store.model.VirtualMfaDevice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The IAM store contract, run against every implementation (H2 and PostgreSQL). Each test works in an
 * account of its own, so tests share one open store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IamStoreConformanceTest {
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
    static final String AWS_MANAGED = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    static final String SAML_METADATA = "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://idp.example.com\">"
            + "<!--" + "x".repeat(1100) + "--></EntityDescriptor>";

    protected final StoreClock clock = new StoreClock(Instant.parse("2025-03-01T10:00:00.123Z"));
    private final KeyEncryptionKey kek = KeyEncryptionKey.generate(new SecureRandom());
    protected JdbcIamStore store;
    protected String account;

    /** The configuration of the store under test; called once per class. */
    protected abstract JdbcStoreConfig config();

    /** Releases what {@link #config()} set up (for example drops a schema). */
    protected void cleanUp() {
    }

    @BeforeAll
    void openStore() {
        store = open();
    }

    @AfterAll
    void closeStore() {
        if (store != null) {
            store.close();
        }
        cleanUp();
    }

    @BeforeEach
    void newAccount() {
        account = store.accounts().create(null).id();
    }

    private JdbcIamStore open() {
        return JdbcIamStore.open(config(), new SecretSealer(kek, new SecureRandom()), clock, new SecureRandom());
    }

    /** Closes the store and opens it again on the same database. */
    protected void reopen() {
        store.close();
        store = open();
    }

    static LanyardException assertCode(AwsErrorCode code, Executable call) {
        LanyardException e = assertThrows(LanyardException.class, call);
        assertEquals(code, e.code(), () -> "message: " + e.getMessage());
        return e;
    }

    private User user(String name) {
        return store.users().create(account, NewUser.named(name));
    }

    private Role role(String name) {
        return store.roles().create(account, NewRole.of(name, TRUST));
    }

    private ManagedPolicy policy(String name) {
        return store.managedPolicies().create(account, NewManagedPolicy.of(name, POLICY));
    }

    private String rawColumn(String sql, String key) throws SQLException {
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "row for " + key);
                return rs.getString(1);
            }
        }
    }

    private long rawCount(String sql) throws SQLException {
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void assertSealed(String column, byte[] secret) {
        assertFalse(column.contains(new String(secret, StandardCharsets.ISO_8859_1)), "raw column holds the secret");
        assertFalse(column.contains(Base64.getEncoder().encodeToString(secret)), "raw column holds the secret in base64");
        assertFalse(column.toLowerCase().contains(java.util.HexFormat.of().formatHex(secret)), "raw column holds the secret in hex");
    }

    // ---- accounts

    @Test
    void accountsHaveTwelveDigitIdsAndUniqueAliases() {
        Account a = store.accounts().get(account).orElseThrow();
        assertTrue(a.id().matches("[0-9]{12}"));
        assertEquals(clock.instant(), a.createDate());
        String alias = "acme-" + account;
        assertEquals(alias, store.accounts().setAlias(account, alias).alias());
        assertEquals(account, store.accounts().findByAlias(alias).orElseThrow().id());
        assertCode(AwsErrorCode.EntityAlreadyExists, () -> store.accounts().create(alias));
        assertCode(AwsErrorCode.EntityAlreadyExists, () -> store.accounts().create(account, null));
        assertCode(AwsErrorCode.ValidationError, () -> store.accounts().create("Bad--Alias"));
        assertCode(AwsErrorCode.ValidationError, () -> store.accounts().create("12345", null));
        assertNull(store.accounts().setAlias(account, null).alias());
    }

    @Test
    void accountWithEntitiesCannotBeDeleted() {
        user("alice");
        assertCode(AwsErrorCode.DeleteConflict, () -> store.accounts().delete(account));
        store.users().delete(account, "alice");
        store.accounts().delete(account);
        assertTrue(store.accounts().get(account).isEmpty());
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.accounts().delete(account));
    }

    @Test
    void accountListingPagesWithoutOverlap() {
        Set<String> seen = new HashSet<>();
        Page<Account> page = store.accounts().list(PageRequest.first(2));
        int pages = 1;
        while (true) {
            assertTrue(page.items().size() <= 2);
            for (Account a : page.items()) {
                assertTrue(seen.add(a.id()), "account listed twice: " + a.id());
            }
            if (!page.truncated()) {
                break;
            }
            page = store.accounts().list(PageRequest.after(page.nextMarker(), 2));
            pages++;
        }
        assertTrue(seen.contains(account));
        assertTrue(pages >= 1);
    }

    // ---- users

    @Test
    void createdUserIsFoundByNameIdArnAndUniqueId() {
        User created = store.users().create(account, new NewUser("Alice", "/eng/", List.of(new Tag("team", "blue")), null));
        assertTrue(created.id().matches("AIDA[A-Z2-7]{17}"), created.id());
        assertEquals("arn:aws:iam::" + account + ":user/eng/Alice", created.arn());
        assertEquals(clock.instant(), created.createDate());
        assertEquals(List.of(new Tag("team", "blue")), created.tags());
        assertEquals(created, store.users().get(account, "alice").orElseThrow());
        assertEquals(created, store.users().getById(created.id()).orElseThrow());
        assertEquals(created, store.users().getByArn(created.arn()).orElseThrow());
        assertEquals(created, store.findByUniqueId(created.id()).orElseThrow());
        assertEquals(created, store.findByArn(created.arn()).orElseThrow());
        assertTrue(store.users().get(account, "bob").isEmpty());
    }

    @Test
    void userNamesAreUniqueRegardlessOfCase() {
        user("Alice");
        LanyardException e = assertCode(AwsErrorCode.EntityAlreadyExists, () -> user("ALICE"));
        assertTrue(e.getMessage().contains("ALICE"), e.getMessage());
        assertCode(AwsErrorCode.ValidationError, () -> user("bad name"));
        assertCode(AwsErrorCode.ValidationError, () -> user("x".repeat(65)));
        assertCode(AwsErrorCode.ValidationError, () -> store.users().create(account, new NewUser("p", "no-slash", List.of(), null)));
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.users().create("999999999999", NewUser.named("x")));
    }

    @Test
    void usersListInNameOrderAcrossPagesAndByPathPrefix() {
        List<String> names = List.of("erin", "bob", "dave", "alice", "carol");
        for (String name : names) {
            store.users().create(account, new NewUser(name, name.compareTo("c") < 0 ? "/eng/" : "/ops/", List.of(), null));
        }
        List<String> listed = new ArrayList<>();
        Page<User> page = store.users().list(account, null, PageRequest.first(2));
        int pages = 1;
        listed.addAll(page.items().stream().map(User::name).toList());
        while (page.truncated()) {
            page = store.users().list(account, null, PageRequest.after(page.nextMarker(), 2));
            listed.addAll(page.items().stream().map(User::name).toList());
            pages++;
        }
        assertEquals(List.of("alice", "bob", "carol", "dave", "erin"), listed);
        assertEquals(3, pages);
        assertEquals(List.of("alice", "bob"), store.users().list(account, "/eng/", PageRequest.first()).items()
                .stream().map(User::name).toList());
        assertCode(AwsErrorCode.InvalidInput, () -> store.users().list(account, null, PageRequest.after("garbage", 2)));
        assertCode(AwsErrorCode.ValidationError, () -> PageRequest.first(0));
        assertCode(AwsErrorCode.ValidationError, () -> PageRequest.first(1001));
    }

    @Test
    void updateUserRenamesAndChecksTheRowVersion() {
        User alice = user("alice");
        user("bob");
        User renamed = store.users().update(alice.withName("alicia").withPath("/x/"));
        assertEquals("arn:aws:iam::" + account + ":user/x/alicia", renamed.arn());
        assertEquals(alice.id(), renamed.id());
        assertTrue(renamed.rowVersion() > alice.rowVersion());
        assertTrue(store.users().get(account, "alice").isEmpty());
        assertCode(AwsErrorCode.ConcurrentModification, () -> store.users().update(alice.withName("stale")));
        assertCode(AwsErrorCode.EntityAlreadyExists, () -> store.users().update(renamed.withName("Bob")));
        store.users().delete(account, "alicia");
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.users().update(renamed));
    }

    @Test
    void userStillInUseCannotBeDeleted() {
        user("alice");
        store.groups().create(account, NewGroup.named("devs"));
        AccessKeySecret key = store.accessKeys().create(account, "alice");
        assertCode(AwsErrorCode.DeleteConflict, () -> store.users().delete(account, "alice"));
        store.accessKeys().delete(account, "alice", key.key().accessKeyId());
        store.groups().addUser(account, "devs", "alice");
        assertCode(AwsErrorCode.DeleteConflict, () -> store.users().delete(account, "alice"));
        store.groups().removeUser(account, "devs", "alice");
        store.principalPolicies().putInline(PolicyOwner.user(account, "alice"), "p", POLICY);
        assertCode(AwsErrorCode.DeleteConflict, () -> store.users().delete(account, "alice"));
        store.principalPolicies().deleteInline(PolicyOwner.user(account, "alice"), "p");
        store.principalPolicies().attach(PolicyOwner.user(account, "alice"), AWS_MANAGED);
        assertCode(AwsErrorCode.DeleteConflict, () -> store.users().delete(account, "alice"));
        store.principalPolicies().detach(PolicyOwner.user(account, "alice"), AWS_MANAGED);
        String serial = store.mfaDevices().create(account, "alice-phone", null).device().serialNumber();
        store.mfaDevices().enable(account, "alice", serial);
        assertCode(AwsErrorCode.DeleteConflict, () -> store.users().delete(account, "alice"));
        store.mfaDevices().deactivate(account, "alice", serial);
        store.users().delete(account, "alice");
        assertTrue(store.users().get(account, "alice").isEmpty());
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.users().delete(account, "alice"));
    }

    @Test
    void permissionsBoundaryMustExistAndBlocksPolicyDeletion() {
        user("alice");
        role("app");
        String missing = "arn:aws:iam::" + account + ":policy/missing";
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.users().setPermissionsBoundary(account, "alice", missing));
        assertEquals(AWS_MANAGED, store.users().setPermissionsBoundary(account, "alice", AWS_MANAGED).permissionsBoundaryArn());
        ManagedPolicy boundary = policy("boundary");
        assertEquals(boundary.arn(), store.roles().setPermissionsBoundary(account, "app", boundary.arn()).permissionsBoundaryArn());
        assertEquals(1, store.managedPolicies().get(boundary.arn()).orElseThrow().permissionsBoundaryUsageCount());
        assertCode(AwsErrorCode.DeleteConflict, () -> store.managedPolicies().delete(boundary.arn()));
        assertNull(store.roles().setPermissionsBoundary(account, "app", null).permissionsBoundaryArn());
        store.managedPolicies().delete(boundary.arn());
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.users().create(account,
                new NewUser("carol", "/", List.of(), missing)));
        assertTrue(store.users().get(account, "carol").isEmpty());
    }

    @Test
    void revokingSessionsOnlyMovesForward() {
        user("alice");
        role("app");
        Instant t1 = Instant.parse("2025-03-01T09:00:00Z");
        Instant t2 = Instant.parse("2025-03-01T09:30:00Z");
        assertEquals(t2, store.users().revokeSessions(account, "alice", t2).tokensRevokedBefore());
        assertEquals(t2, store.users().revokeSessions(account, "alice", t1).tokensRevokedBefore());
        assertEquals(t1, store.roles().revokeSessions(account, "app", t1).tokensRevokedBefore());
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.roles().revokeSessions(account, "nope", t1));
    }

    @Test
    void userTagKeysAreCaseInsensitiveAndLimited() {
        user("alice");
        store.users().tag(account, "alice", List.of(new Tag("Dept", "eng"), new Tag("cost", "1")));
        store.users().tag(account, "alice", List.of(new Tag("dept", "ops")));
        assertEquals(List.of(new Tag("cost", "1"), new Tag("dept", "ops")), store.users().get(account, "alice").orElseThrow().tags());
        store.users().untag(account, "alice", List.of("COST"));
        assertEquals(List.of(new Tag("dept", "ops")), store.users().get(account, "alice").orElseThrow().tags());
        List<Tag> many = IntStream.range(0, IamLimits.TAGS).mapToObj(i -> new Tag("k" + i, "v")).toList();
        assertCode(AwsErrorCode.LimitExceeded, () -> store.users().tag(account, "alice", many));
        assertCode(AwsErrorCode.InvalidInput, () -> store.users().tag(account, "alice", List.of(new Tag("aws:x", "v"))));
        assertCode(AwsErrorCode.InvalidInput, () -> store.users().tag(account, "alice",
                List.of(new Tag("a", "1"), new Tag("A", "2"))));
        assertCode(AwsErrorCode.ValidationError, () -> store.users().tag(account, "alice", List.of(new Tag("k", "v".repeat(257)))));
        assertEquals(List.of(new Tag("dept", "ops")), store.users().get(account, "alice").orElseThrow().tags());
    }

    // ---- groups

    @Test
    void groupsHoldMembersAndFollowAwsRules() {
        Group devs = store.groups().create(account, NewGroup.named("devs"));
        assertTrue(devs.id().matches("AGPA[A-Z2-7]{17}"));
        assertEquals("arn:aws:iam::" + account + ":group/devs", devs.arn());
        assertEquals(devs, store.findByArn(devs.arn()).orElseThrow());
        assertEquals(devs, store.findByUniqueId(devs.id()).orElseThrow());
        assertCode(AwsErrorCode.EntityAlreadyExists, () -> store.groups().create(account, NewGroup.named("DEVS")));
        user("alice");
        user("bob");
        store.groups().addUser(account, "devs", "alice");
        store.groups().addUser(account, "devs", "alice");
        store.groups().addUser(account, "devs", "bob");
        assertEquals(List.of("alice", "bob"), store.groups().members(account, "devs", PageRequest.first()).items()
                .stream().map(User::name).toList());
        Page<User> first = store.groups().members(account, "devs", PageRequest.first(1));
        assertTrue(first.truncated());
        assertEquals("bob", store.groups().members(account, "devs", PageRequest.after(first.nextMarker(), 1)).items().get(0).name());
        assertEquals(List.of("devs"), store.groups().groupsForUser(account, "alice", PageRequest.first()).items()
                .stream().map(Group::name).toList());
        assertCode(AwsErrorCode.DeleteConflict, () -> store.groups().delete(account, "devs"));
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.groups().addUser(account, "devs", "nobody"));
        store.groups().removeUser(account, "devs", "alice");
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.groups().removeUser(account, "devs", "alice"));
        store.groups().removeUser(account, "devs", "bob");
        Group renamed = store.groups().update(store.groups().get(account, "devs").orElseThrow().withName("builders"));
        assertEquals("arn:aws:iam::" + account + ":group/builders", renamed.arn());
        assertCode(AwsErrorCode.ConcurrentModification, () -> store.groups().update(devs.withPath("/x/")));
        store.groups().delete(account, "builders");
        assertTrue(store.groups().get(account, "builders").isEmpty());
    }

    @Test
    void aUserJoinsAtMostTenGroups() {
        user("alice");
        for (int i = 0; i < IamLimits.GROUPS_PER_USER; i++) {
            store.groups().create(account, NewGroup.named("g" + i));
            store.groups().addUser(account, "g" + i, "alice");
        }
        store.groups().create(account, NewGroup.named("extra"));
        assertCode(AwsErrorCode.LimitExceeded, () -> store.groups().addUser(account, "extra", "alice"));
        Page<Group> listed = store.groups().list(account, null, PageRequest.first());
        assertEquals(IamLimits.GROUPS_PER_USER + 1, listed.items().size());
    }

    // ---- roles

    @Test
    void rolesKeepTrustPolicyDurationAndDescription() {
        Role created = store.roles().create(account, new NewRole("App", "/svc/", TRUST, "the app", 7200,
                List.of(new Tag("env", "prod")), null));
        assertTrue(created.id().matches("AROA[A-Z2-7]{17}"));
        assertEquals("arn:aws:iam::" + account + ":role/svc/App", created.arn());
        assertEquals(7200, created.maxSessionDuration());
        assertEquals(TRUST, created.trustPolicy());
        assertEquals(created, store.roles().get(account, "app").orElseThrow());
        assertEquals(created, store.findByArn(created.arn()).orElseThrow());
        assertEquals(created, store.findByUniqueId(created.id()).orElseThrow());
        assertEquals(3600, role("Default").maxSessionDuration());
        assertCode(AwsErrorCode.ValidationError, () -> store.roles().create(account, new NewRole("r", "/", TRUST, null, 3599, null, null)));
        assertCode(AwsErrorCode.ValidationError, () -> store.roles().create(account, new NewRole("r", "/", TRUST, null, 43201, null, null)));
        assertCode(AwsErrorCode.LimitExceeded, () -> store.roles().create(account, NewRole.of("big",
                "{\"x\":\"" + "a".repeat(IamLimits.TRUST_POLICY_SIZE) + "\"}")));
        Role updated = store.roles().update(created.withDescription(null).withMaxSessionDuration(43200).withTrustPolicy(POLICY));
        assertNull(updated.description());
        assertEquals(43200, updated.maxSessionDuration());
        assertEquals(POLICY, updated.trustPolicy());
        assertCode(AwsErrorCode.ConcurrentModification, () -> store.roles().update(created.withDescription("late")));
        assertCode(AwsErrorCode.ValidationError, () -> store.roles().update(updated.withMaxSessionDuration(100)));
        List<String> all = store.roles().list(account, null, PageRequest.first()).items().stream().map(Role::name).toList();
        assertEquals(List.of("App", "Default"), all);
        assertEquals(List.of("App"), store.roles().list(account, "/svc", PageRequest.first()).items().stream().map(Role::name).toList());
    }

    @Test
    void concurrentConflictingUpdatesLeaveOneWinner() throws Exception {
        Role read = role("contested");
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (String description : List.of("first", "second")) {
                results.add(pool.submit(() -> {
                    start.await(5, TimeUnit.SECONDS);
                    try {
                        return store.roles().update(read.withDescription(description));
                    } catch (LanyardException e) {
                        return e;
                    }
                }));
            }
            int winners = 0;
            int conflicts = 0;
            for (Future<Object> result : results) {
                Object outcome = result.get(30, TimeUnit.SECONDS);
                if (outcome instanceof Role) {
                    winners++;
                } else {
                    LanyardException e = (LanyardException) outcome;
                    assertEquals(AwsErrorCode.ConcurrentModification, e.code(), e.getMessage());
                    assertTrue(e.retryable());
                    conflicts++;
                }
            }
            assertEquals(1, winners);
            assertEquals(1, conflicts);
            assertEquals(read.rowVersion() + 1, store.roles().get(account, "contested").orElseThrow().rowVersion());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void roleInUseCannotBeDeleted() {
        role("app");
        store.instanceProfiles().create(account, NewInstanceProfile.named("web"));
        store.instanceProfiles().addRole(account, "web", "app");
        assertCode(AwsErrorCode.DeleteConflict, () -> store.roles().delete(account, "app"));
        store.instanceProfiles().removeRole(account, "web", "app");
        store.principalPolicies().putInline(PolicyOwner.role(account, "app"), "inline", POLICY);
        assertCode(AwsErrorCode.DeleteConflict, () -> store.roles().delete(account, "app"));
        store.principalPolicies().deleteInline(PolicyOwner.role(account, "app"), "inline");
        store.roles().delete(account, "app");
        assertTrue(store.roles().get(account, "app").isEmpty());
    }

    // ---- transactions

    @Test
    void aFailureInTheMiddleOfAWriteLeavesNothingBehind() throws SQLException {
        long version = store.currentVersion();
        long tags = rawCount("SELECT COUNT(*) FROM entity_tag");
        long roles = rawCount("SELECT COUNT(*) FROM iam_role");
        List<Tag> tagsWithOneBad = List.of(new Tag("a", "1"), new Tag("b", "2"), new Tag("c", "bad\u0000value"));
        assertCode(AwsErrorCode.ValidationError, () -> store.roles().create(account,
                new NewRole("halfway", "/", TRUST, null, null, tagsWithOneBad, null)));
        assertTrue(store.roles().get(account, "halfway").isEmpty());
        assertEquals(roles, rawCount("SELECT COUNT(*) FROM iam_role"));
        assertEquals(tags, rawCount("SELECT COUNT(*) FROM entity_tag"));
        assertEquals(version, store.currentVersion());
        assertTrue(store.changesSince(version, 10).isEmpty());
        role("halfway");
    }

    // ---- managed policies

    @Test
    void managedPolicyVersionsAreLimitedToFiveWithOneDefault() {
        ManagedPolicy created = policy("Reader");
        assertTrue(created.id().matches("ANPA[A-Z2-7]{17}"));
        assertEquals("arn:aws:iam::" + account + ":policy/Reader", created.arn());
        assertEquals("v1", created.defaultVersionId());
        assertEquals(created, store.findByArn(created.arn()).orElseThrow());
        assertEquals(created, store.findByUniqueId(created.id()).orElseThrow());
        String arn = created.arn();
        for (int i = 2; i <= IamLimits.POLICY_VERSIONS; i++) {
            ManagedPolicyVersion v = store.managedPolicies().createVersion(arn, POLICY.replace("GetObject", "Get" + i), i == 3);
            assertEquals("v" + i, v.versionId());
        }
        assertCode(AwsErrorCode.LimitExceeded, () -> store.managedPolicies().createVersion(arn, POLICY, false));
        assertEquals("v3", store.managedPolicies().get(arn).orElseThrow().defaultVersionId());
        assertTrue(store.managedPolicies().defaultVersion(arn).orElseThrow().document().contains("Get3"));
        assertEquals(List.of("v5", "v4", "v3", "v2", "v1"), store.managedPolicies().listVersions(arn).stream()
                .map(ManagedPolicyVersion::versionId).toList());
        assertCode(AwsErrorCode.DeleteConflict, () -> store.managedPolicies().deleteVersion(arn, "v3"));
        store.managedPolicies().deleteVersion(arn, "v1");
        assertEquals("v6", store.managedPolicies().createVersion(arn, POLICY, false).versionId());
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.managedPolicies().setDefaultVersion(arn, "v1"));
        assertEquals("v6", store.managedPolicies().setDefaultVersion(arn, "v6").defaultVersionId());
        assertTrue(store.managedPolicies().getVersion(arn, "v6").orElseThrow().isDefault());
        assertFalse(store.managedPolicies().getVersion(arn, "v3").orElseThrow().isDefault());
        assertCode(AwsErrorCode.DeleteConflict, () -> store.managedPolicies().delete(arn));
        for (String v : List.of("v2", "v3", "v4", "v5")) {
            store.managedPolicies().deleteVersion(arn, v);
        }
        store.managedPolicies().delete(arn);
        assertTrue(store.managedPolicies().get(arn).isEmpty());
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.managedPolicies().listVersions(arn));
        assertCode(AwsErrorCode.LimitExceeded, () -> store.managedPolicies().create(account, NewManagedPolicy.of("huge",
                "{\"x\":\"" + "a".repeat(IamLimits.MANAGED_POLICY_SIZE) + "\"}")));
        assertCode(AwsErrorCode.EntityAlreadyExists, () -> {
            policy("dup");
            policy("DUP");
        });
    }

    @Test
    void attachedPolicyCountsAndBlocksDeletion() {
        ManagedPolicy p = policy("shared");
        user("alice");
        role("app");
        store.groups().create(account, NewGroup.named("devs"));
        store.principalPolicies().attach(PolicyOwner.user(account, "alice"), p.arn());
        store.principalPolicies().attach(PolicyOwner.role(account, "app"), p.arn());
        store.principalPolicies().attach(PolicyOwner.group(account, "devs"), p.arn());
        store.principalPolicies().attach(PolicyOwner.group(account, "devs"), p.arn());
        assertEquals(3, store.managedPolicies().get(p.arn()).orElseThrow().attachmentCount());
        assertEquals(Set.of(PolicyOwner.user(account, "alice"), PolicyOwner.role(account, "app"), PolicyOwner.group(account, "devs")),
                Set.copyOf(store.managedPolicies().entitiesFor(p.arn())));
        policy("unattached");
        assertEquals(List.of("shared"), store.managedPolicies().list(account, null, true, PageRequest.first()).items()
                .stream().map(ManagedPolicy::name).toList());
        assertEquals(2, store.managedPolicies().list(account, "/", false, PageRequest.first()).items().size());
        assertCode(AwsErrorCode.DeleteConflict, () -> store.managedPolicies().delete(p.arn()));
        store.principalPolicies().detach(PolicyOwner.user(account, "alice"), p.arn());
        store.principalPolicies().detach(PolicyOwner.role(account, "app"), p.arn());
        store.principalPolicies().detach(PolicyOwner.group(account, "devs"), p.arn());
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.principalPolicies().detach(PolicyOwner.group(account, "devs"), p.arn()));
        store.managedPolicies().delete(p.arn());
    }

    @Test
    void atMostTenManagedPoliciesAttachToOnePrincipal() {
        role("app");
        PolicyOwner app = PolicyOwner.role(account, "app");
        store.principalPolicies().attach(app, AWS_MANAGED);
        for (int i = 1; i < IamLimits.ATTACHED_POLICIES; i++) {
            store.principalPolicies().attach(app, policy("p" + i).arn());
        }
        String extra = policy("extra").arn();
        assertCode(AwsErrorCode.LimitExceeded, () -> store.principalPolicies().attach(app, extra));
        assertEquals(IamLimits.ATTACHED_POLICIES, store.principalPolicies().attachedPolicies(app).size());
        Page<?> page = store.principalPolicies().listAttached(app, PageRequest.first(4));
        assertTrue(page.truncated());
        int total = page.items().size();
        while (page.truncated()) {
            page = store.principalPolicies().listAttached(app, PageRequest.after(page.nextMarker(), 4));
            total += page.items().size();
        }
        assertEquals(IamLimits.ATTACHED_POLICIES, total);
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.principalPolicies().attach(app,
                "arn:aws:iam::" + account + ":policy/none"));
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.principalPolicies().attach(PolicyOwner.role(account, "none"), AWS_MANAGED));
    }

    @Test
    void awsManagedPoliciesAttachByArnAndListByName() {
        role("app");
        PolicyOwner app = PolicyOwner.role(account, "app");
        String lambda = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
        store.principalPolicies().attach(app, AWS_MANAGED);
        store.principalPolicies().attach(app, lambda);
        store.principalPolicies().attach(app, lambda);
        assertEquals(List.of(new AttachedPolicy(AWS_MANAGED, "ReadOnlyAccess"), new AttachedPolicy(lambda, "AWSLambdaBasicExecutionRole")),
                store.principalPolicies().attachedPolicies(app));
        assertEquals(store.principalPolicies().attachedPolicies(app),
                store.principalPolicies().listAttached(app, PageRequest.first()).items());
        String unknown = "arn:aws:iam::aws:policy/NoSuchManagedPolicyAnywhere";
        LanyardException e = assertCode(AwsErrorCode.NoSuchEntity, () -> store.principalPolicies().attach(app, unknown));
        assertTrue(e.getMessage().contains("does not exist or is not attachable"), e.getMessage());
        assertEquals(2, store.principalPolicies().attachedPolicies(app).size());
        store.principalPolicies().detach(app, lambda);
        assertEquals(List.of(AWS_MANAGED), store.principalPolicies().attachedPolicies(app).stream().map(AttachedPolicy::policyArn).toList());
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.principalPolicies().detach(app, lambda));
    }

    @Test
    void awsManagedPoliciesCountTowardsTheAttachmentLimit() {
        user("alice");
        PolicyOwner alice = PolicyOwner.user(account, "alice");
        List<String> names = List.of("ReadOnlyAccess", "PowerUserAccess", "SecurityAudit", "ViewOnlyAccess", "IAMFullAccess",
                "AmazonS3ReadOnlyAccess", "AmazonS3FullAccess", "AmazonEC2ReadOnlyAccess", "AmazonSQSReadOnlyAccess",
                "AmazonDynamoDBReadOnlyAccess");
        for (String name : names) {
            store.principalPolicies().attach(alice, "arn:aws:iam::aws:policy/" + name);
        }
        assertCode(AwsErrorCode.LimitExceeded, () -> store.principalPolicies().attach(alice, "arn:aws:iam::aws:policy/AdministratorAccess"));
        assertCode(AwsErrorCode.LimitExceeded, () -> store.principalPolicies().attach(alice, policy("mine").arn()));
        assertEquals(names.stream().sorted().toList(),
                store.principalPolicies().attachedPolicies(alice).stream().map(AttachedPolicy::policyName).sorted().toList());
    }

    @Test
    void anAwsManagedPolicyCanBeAPermissionsBoundary() {
        String powerUser = "arn:aws:iam::aws:policy/PowerUserAccess";
        user("alice");
        role("app");
        assertEquals(powerUser, store.users().setPermissionsBoundary(account, "alice", powerUser).permissionsBoundaryArn());
        assertEquals(powerUser, store.roles().setPermissionsBoundary(account, "app", powerUser).permissionsBoundaryArn());
        String unknown = "arn:aws:iam::aws:policy/NoSuchBoundaryPolicy";
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.users().setPermissionsBoundary(account, "alice", unknown));
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.roles().setPermissionsBoundary(account, "app", unknown));
        assertEquals(powerUser, store.roles().get(account, "app").orElseThrow().permissionsBoundaryArn());
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.users().create(account,
                new NewUser("bob", "/", List.of(), unknown)));
        assertTrue(store.users().get(account, "bob").isEmpty());
        assertNull(store.users().setPermissionsBoundary(account, "alice", null).permissionsBoundaryArn());
    }

    @Test
    void inlinePoliciesArePutReplacedListedAndSizeLimited() {
        user("alice");
        PolicyOwner alice = PolicyOwner.user(account, "alice");
        store.principalPolicies().putInline(alice, "b", POLICY);
        store.principalPolicies().putInline(alice, "a", POLICY);
        store.principalPolicies().putInline(alice, "a", TRUST);
        assertEquals(TRUST, store.principalPolicies().getInline(alice, "a").orElseThrow().document());
        assertEquals(List.of("a", "b"), store.principalPolicies().listInlineNames(alice, PageRequest.first()).items());
        assertEquals(List.of(new InlinePolicy(alice, "a", TRUST), new InlinePolicy(alice, "b", POLICY)),
                store.principalPolicies().inlinePolicies(alice));
        String big = "{\"x\":\"" + "a".repeat(IamLimits.USER_INLINE_POLICY_SIZE - 200) + "\"}";
        assertCode(AwsErrorCode.LimitExceeded, () -> store.principalPolicies().putInline(alice, "c", big));
        assertTrue(store.principalPolicies().getInline(alice, "c").isEmpty());
        role("app");
        store.principalPolicies().putInline(PolicyOwner.role(account, "app"), "c", big);
        store.principalPolicies().deleteInline(alice, "a");
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.principalPolicies().deleteInline(alice, "a"));
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.principalPolicies().getInline(PolicyOwner.user(account, "bob"), "a"));
    }

    // ---- access keys

    @Test
    void accessKeysFollowAwsFormatsAndLimit() {
        user("alice");
        AccessKeySecret created = store.accessKeys().create(account, "alice");
        AccessKey key = created.key();
        assertTrue(key.accessKeyId().matches("AKIA[A-Z2-7]{16}"), key.accessKeyId());
        assertEquals(40, created.secretAccessKey().utf8().length());
        assertEquals(AccessKeyStatus.ACTIVE, key.status());
        assertEquals("alice", key.userName());
        assertEquals(created.secretAccessKey(), store.accessKeys().secret(key.accessKeyId()).orElseThrow().secretAccessKey());
        assertEquals(key, store.accessKeys().get(key.accessKeyId()).orElseThrow());
        assertFalse(created.toString().contains(created.secretAccessKey().utf8()));
        store.accessKeys().create(account, "alice");
        assertCode(AwsErrorCode.LimitExceeded, () -> store.accessKeys().create(account, "alice"));
        assertEquals(2, store.accessKeys().listForUser(account, "alice").size());
        assertEquals(AccessKeyStatus.INACTIVE,
                store.accessKeys().setStatus(account, "alice", key.accessKeyId(), AccessKeyStatus.INACTIVE).status());
        assertEquals(AccessKeyStatus.INACTIVE, store.accessKeys().secret(key.accessKeyId()).orElseThrow().key().status());
        user("bob");
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.accessKeys().delete(account, "bob", key.accessKeyId()));
        store.accessKeys().delete(account, "alice", key.accessKeyId());
        assertTrue(store.accessKeys().get(key.accessKeyId()).isEmpty());
        assertTrue(store.accessKeys().secret(key.accessKeyId()).isEmpty());
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.accessKeys().create(account, "nobody"));
    }

    @Test
    void theAccountRootHasUpToTwoKeysOfItsOwn() {
        user("alice");
        store.accessKeys().create(account, "alice");
        store.accessKeys().create(account, "alice");
        AccessKeySecret created = store.accessKeys().createForRoot(account);
        AccessKey key = created.key();
        assertTrue(key.root());
        assertNull(key.userName());
        assertNull(key.userId());
        assertEquals(account, key.accountId());
        assertTrue(key.accessKeyId().matches("AKIA[A-Z2-7]{16}"), key.accessKeyId());
        assertEquals(40, created.secretAccessKey().utf8().length());
        assertEquals(key, store.accessKeys().get(key.accessKeyId()).orElseThrow());
        AccessKeySecret read = store.accessKeys().secret(key.accessKeyId()).orElseThrow();
        assertEquals(created.secretAccessKey(), read.secretAccessKey());
        assertTrue(read.key().root());
        String imported = "AKIA" + account.chars().mapToObj(d -> String.valueOf((char) ('A' + d - '0')))
                .collect(java.util.stream.Collectors.joining()) + "ROOT";
        Secret secret = Secret.ofUtf8("wJalrXUtnFEMI/K7MDENG/bPxRfiCYROOTKEY000");
        assertTrue(store.accessKeys().importRootKey(account, imported, secret).root());
        assertCode(AwsErrorCode.LimitExceeded, () -> store.accessKeys().createForRoot(account));
        assertEquals(List.of(key.accessKeyId(), imported).stream().sorted().toList(),
                store.accessKeys().listForRoot(account).stream().map(AccessKey::accessKeyId).sorted().toList());
        assertEquals(2, store.accessKeys().listForUser(account, "alice").size());
        assertTrue(store.accessKeys().listForUser(account, "alice").stream().noneMatch(AccessKey::root));
        assertEquals(AccessKeyStatus.INACTIVE,
                store.accessKeys().setRootKeyStatus(account, imported, AccessKeyStatus.INACTIVE).status());
        assertEquals(AccessKeyStatus.INACTIVE, store.accessKeys().secret(imported).orElseThrow().key().status());
        String aliceKey = store.accessKeys().listForUser(account, "alice").get(0).accessKeyId();
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.accessKeys().setRootKeyStatus(account, aliceKey, AccessKeyStatus.INACTIVE));
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.accessKeys().deleteRootKey(account, aliceKey));
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.accessKeys().delete(account, "alice", imported));
        String other = store.accounts().create(null).id();
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.accessKeys().deleteRootKey(other, imported));
        assertTrue(store.accessKeys().listForRoot(other).isEmpty());
        long before = store.currentVersion();
        store.accessKeys().deleteRootKey(account, imported);
        Change deleted = store.changesSince(before, 10).get(0);
        assertEquals(EntityKind.ACCESS_KEY, deleted.kind());
        assertEquals(imported, deleted.entityId());
        assertEquals(ChangeOp.DELETE, deleted.op());
        assertTrue(store.accessKeys().get(imported).isEmpty());
        assertEquals(List.of(key.accessKeyId()), store.accessKeys().listForRoot(account).stream().map(AccessKey::accessKeyId).toList());
        store.accessKeys().createForRoot(account);
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.accessKeys().createForRoot("000000000000"));
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.accessKeys().listForRoot("000000000000"));
    }

    @Test
    void aRootKeyRowHasNoUserAndDeletingTheAccountRemovesItsRootKeys() throws SQLException {
        String other = store.accounts().create(null).id();
        String id = store.accessKeys().createForRoot(other).key().accessKeyId();
        assertEquals(1, rawCount("SELECT COUNT(*) FROM access_key WHERE user_id IS NULL AND id = '" + id + "'"));
        store.accounts().delete(other);
        assertTrue(store.accessKeys().get(id).isEmpty());
        assertEquals(0, rawCount("SELECT COUNT(*) FROM access_key WHERE id = '" + id + "'"));
    }

    @Test
    void concurrentRootKeyCreationStopsAtTheLimit() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await(5, TimeUnit.SECONDS);
                    try {
                        store.accessKeys().createForRoot(account);
                        return true;
                    } catch (LanyardException e) {
                        assertTrue(e.code() == AwsErrorCode.LimitExceeded || e.code() == AwsErrorCode.ConcurrentModification,
                                e.code().name());
                        return false;
                    }
                }));
            }
            for (Future<Boolean> r : results) {
                r.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(IamLimits.ACCESS_KEYS_PER_USER, store.accessKeys().listForRoot(account).size());
    }

    @Test
    void importedKeysKeepTheirIdAndSecret() {
        user("alice");
        String id = "AKIA" + account.substring(0, 0) + "IOSFODNN7EXAMPLE".replace("0", "2");
        Secret secret = Secret.ofUtf8("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        store.accessKeys().importKey(account, "alice", id, secret);
        assertEquals(secret, store.accessKeys().secret(id).orElseThrow().secretAccessKey());
        user("bob");
        assertCode(AwsErrorCode.EntityAlreadyExists, () -> store.accessKeys().importKey(account, "bob", id, secret));
        assertCode(AwsErrorCode.ValidationError, () -> store.accessKeys().importKey(account, "bob", "AKIAlower", secret));
        store.accessKeys().delete(account, "alice", id);
    }

    @Test
    void lastUseIsRecordedWithoutAChange() {
        user("alice");
        String id = store.accessKeys().create(account, "alice").key().accessKeyId();
        long version = store.currentVersion();
        Instant when = clock.instant().plusSeconds(5);
        store.accessKeys().recordUse(id, when, "sts", "eu-west-1");
        AccessKey key = store.accessKeys().get(id).orElseThrow();
        assertEquals(when, key.lastUsed().date());
        assertEquals("sts", key.lastUsed().serviceName());
        assertEquals(version, store.currentVersion());
    }

    // ---- secrets at rest

    @Test
    void secretsAreSealedAtRest() throws SQLException {
        user("alice");
        AccessKeySecret key = store.accessKeys().create(account, "alice");
        assertSealed(rawColumn("SELECT secret_sealed FROM access_key WHERE id = ?", key.key().accessKeyId()),
                key.secretAccessKey().bytes());
        CreatedMfaDevice mfa = store.mfaDevices().create(account, "phone", null);
        assertSealed(rawColumn("SELECT seed_sealed FROM mfa_device WHERE serial = ?", mfa.device().serialNumber()),
                mfa.seed().bytes());
        byte[] privateKey = "-----PRIVATE KEY material for test-----".getBytes(StandardCharsets.UTF_8);
        String kid = "kid-" + account;
        store.signingKeys().add(new NewSigningKey(kid, "EdDSA", "{\"kty\":\"OKP\"}", Secret.ofBytes(privateKey)));
        assertSealed(rawColumn("SELECT private_sealed FROM signing_key WHERE kid = ?", kid), privateKey);
        DataKey dataKey = store.dataKeys().create(clock.instant().plus(Duration.ofHours(12)));
        assertSealed(rawColumn("SELECT key_sealed FROM data_key WHERE id = ?", dataKey.id()),
                store.dataKeys().material(dataKey.id()).orElseThrow().bytes());
        store.signingKeys().retire(kid);
        store.signingKeys().delete(kid);
        store.dataKeys().delete(dataKey.id());
    }

    @Test
    void aSealedSecretMovedToAnotherRowDoesNotOpen() throws SQLException {
        user("alice");
        String a = store.accessKeys().create(account, "alice").key().accessKeyId();
        String b = store.accessKeys().create(account, "alice").key().accessKeyId();
        String sealedA = rawColumn("SELECT secret_sealed FROM access_key WHERE id = ?", a);
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE access_key SET secret_sealed = ? WHERE id = ?")) {
            ps.setString(1, sealedA);
            ps.setString(2, b);
            assertEquals(1, ps.executeUpdate());
        }
        LanyardException e = assertCode(AwsErrorCode.ServiceFailure, () -> store.accessKeys().secret(b));
        assertTrue(e.getMessage().contains(b));
        assertNotNull(store.accessKeys().secret(a).orElseThrow().secretAccessKey());
    }

    // ---- MFA devices

    @Test
    void virtualMfaDevicesEnableOncePerUser() {
        user("alice");
        user("bob");
        CreatedMfaDevice created = store.mfaDevices().create(account, "alice-phone", "/people/");
        VirtualMfaDevice device = created.device();
        assertEquals("arn:aws:iam::" + account + ":mfa/people/alice-phone", device.serialNumber());
        assertEquals(20, created.seed().length());
        assertFalse(created.toString().contains(Base64.getEncoder().encodeToString(created.seed().bytes())));
        assertEquals(created.seed(), store.mfaDevices().seed(device.serialNumber()).orElseThrow());
        assertFalse(device.enabled());
        assertEquals(device, store.findByArn(device.serialNumber()).orElseThrow());
        assertCode(AwsErrorCode.EntityAlreadyExists, () -> store.mfaDevices().create(account, "alice-phone", null));
        VirtualMfaDevice enabled = store.mfaDevices().enable(account, "alice", device.serialNumber());
        assertEquals("alice", enabled.userName());
        assertEquals(clock.instant(), enabled.enableDate());
        assertCode(AwsErrorCode.EntityAlreadyExists, () -> store.mfaDevices().enable(account, "bob", device.serialNumber()));
        assertEquals(List.of(enabled), store.mfaDevices().listForUser(account, "alice"));
        assertCode(AwsErrorCode.DeleteConflict, () -> store.mfaDevices().delete(device.serialNumber()));
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.mfaDevices().deactivate(account, "bob", device.serialNumber()));
        assertFalse(store.mfaDevices().deactivate(account, "alice", device.serialNumber()).enabled());
        assertEquals(1, store.mfaDevices().list(account, PageRequest.first()).items().size());
        store.mfaDevices().delete(device.serialNumber());
        assertTrue(store.mfaDevices().get(device.serialNumber()).isEmpty());
        assertTrue(store.mfaDevices().seed(device.serialNumber()).isEmpty());
    }

    // ---- instance profiles

    @Test
    void instanceProfilesHoldOneRole() {
        role("app");
        role("other");
        InstanceProfile profile = store.instanceProfiles().create(account, new NewInstanceProfile("web", "/", List.of(new Tag("K", "v"))));
        assertTrue(profile.id().matches("AIPA[A-Z2-7]{17}"));
        assertEquals("arn:aws:iam::" + account + ":instance-profile/web", profile.arn());
        assertNull(profile.roleName());
        InstanceProfile withRole = store.instanceProfiles().addRole(account, "web", "app");
        assertEquals("app", withRole.roleName());
        assertEquals("arn:aws:iam::" + account + ":role/app", withRole.roleArn());
        assertEquals(withRole, store.findByArn(profile.arn()).orElseThrow());
        assertEquals(withRole, store.findByUniqueId(profile.id()).orElseThrow());
        assertCode(AwsErrorCode.LimitExceeded, () -> store.instanceProfiles().addRole(account, "web", "other"));
        assertEquals(List.of(withRole), store.instanceProfiles().listForRole(account, "app"));
        assertCode(AwsErrorCode.DeleteConflict, () -> store.instanceProfiles().delete(account, "web"));
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.instanceProfiles().removeRole(account, "web", "other"));
        store.instanceProfiles().removeRole(account, "web", "app");
        store.instanceProfiles().delete(account, "web");
        assertTrue(store.instanceProfiles().get(account, "web").isEmpty());
        assertCode(AwsErrorCode.EntityAlreadyExists, () -> {
            store.instanceProfiles().create(account, NewInstanceProfile.named("dup"));
            store.instanceProfiles().create(account, NewInstanceProfile.named("dup"));
        });
    }

    // ---- identity providers

    @Test
    void oidcProvidersKeepClientIdsAndThumbprintsWithinLimits() {
        String thumb = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280";
        OidcProvider created = store.oidcProviders().create(account, new NewOidcProvider("https://token.example.com/org",
                List.of("app-1"), List.of(thumb.toUpperCase()), List.of()));
        assertEquals("arn:aws:iam::" + account + ":oidc-provider/token.example.com/org", created.arn());
        assertEquals(List.of(thumb), created.thumbprints());
        assertEquals(created, store.oidcProviders().findByUrl(account, "token.example.com/org").orElseThrow());
        assertEquals(created, store.findByArn(created.arn()).orElseThrow());
        assertCode(AwsErrorCode.EntityAlreadyExists, () -> store.oidcProviders().create(account,
                new NewOidcProvider("https://TOKEN.example.com/org/", List.of(), List.of(), List.of())));
        assertEquals(List.of("app-1", "app-2"), store.oidcProviders().addClientId(created.arn(), "app-2").clientIds());
        assertEquals(List.of("app-2"), store.oidcProviders().removeClientId(created.arn(), "app-1").clientIds());
        assertEquals(List.of(), store.oidcProviders().updateThumbprints(created.arn(), List.of()).thumbprints());
        List<String> sixThumbs = IntStream.range(0, 6).mapToObj(i -> String.valueOf(i).repeat(40)).toList();
        assertCode(AwsErrorCode.LimitExceeded, () -> store.oidcProviders().updateThumbprints(created.arn(), sixThumbs));
        assertCode(AwsErrorCode.ValidationError, () -> store.oidcProviders().updateThumbprints(created.arn(), List.of("zz")));
        List<String> manyClients = IntStream.range(0, 101).mapToObj(i -> "c" + i).toList();
        assertCode(AwsErrorCode.LimitExceeded, () -> store.oidcProviders().create(account,
                new NewOidcProvider("https://other.example.com", manyClients, List.of(), List.of())));
        assertCode(AwsErrorCode.ValidationError, () -> store.oidcProviders().create(account,
                new NewOidcProvider("http://plain.example.com", List.of(), List.of(), List.of())));
        store.oidcProviders().tag(created.arn(), List.of(new Tag("Owner", "sec")));
        assertEquals(List.of(new Tag("Owner", "sec")), store.oidcProviders().get(created.arn()).orElseThrow().tags());
        assertEquals(1, store.oidcProviders().list(account).size());
        store.oidcProviders().delete(created.arn());
        assertTrue(store.oidcProviders().get(created.arn()).isEmpty());
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.oidcProviders().delete(created.arn()));
    }

    @Test
    void samlProvidersKeepMetadata() {
        SamlProvider created = store.samlProviders().create(account, new NewSamlProvider("Corp_IdP", SAML_METADATA,
                Instant.parse("2030-01-01T00:00:00Z"), List.of()));
        assertEquals("arn:aws:iam::" + account + ":saml-provider/Corp_IdP", created.arn());
        assertEquals(SAML_METADATA, created.metadataDocument());
        assertEquals(created, store.findByArn(created.arn()).orElseThrow());
        assertCode(AwsErrorCode.EntityAlreadyExists, () -> store.samlProviders().create(account,
                new NewSamlProvider("corp_idp", SAML_METADATA, null, List.of())));
        assertCode(AwsErrorCode.ValidationError, () -> store.samlProviders().create(account,
                new NewSamlProvider("bad name", SAML_METADATA, null, List.of())));
        assertCode(AwsErrorCode.ValidationError, () -> store.samlProviders().create(account,
                new NewSamlProvider("short", "<x/>", null, List.of())));
        String updatedMetadata = SAML_METADATA.replace("idp.example.com", "idp2.example.com");
        SamlProvider updated = store.samlProviders().updateMetadata(created.arn(), updatedMetadata, null);
        assertEquals(updatedMetadata, updated.metadataDocument());
        assertNull(updated.validUntil());
        assertEquals(List.of(updated), store.samlProviders().list(account));
        store.samlProviders().delete(created.arn());
        assertTrue(store.samlProviders().get(created.arn()).isEmpty());
    }

    // ---- host enrolment

    @Test
    void aJoinTokenEnrolsOneHostOnce() {
        store.instanceProfiles().create(account, NewInstanceProfile.named("hosts"));
        String hash = "a".repeat(64);
        String expired = "b".repeat(64);
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.hostEnrolment().createJoinToken(account, hash, "none",
                clock.instant().plusSeconds(600)));
        store.hostEnrolment().createJoinToken(account, hash + account, "hosts", clock.instant().plusSeconds(600));
        store.hostEnrolment().createJoinToken(account, expired + account, "hosts", clock.instant().plusSeconds(1));
        HostInstance host = store.hostEnrolment().enrol(hash + account, "ssh-ed25519 AAAA host");
        assertTrue(host.instanceId().matches("i-[0-9a-f]{17}"), host.instanceId());
        assertEquals("hosts", host.instanceProfileName());
        assertTrue(store.hostEnrolment().joinToken(hash + account).orElseThrow().used());
        assertEquals(host.instanceId(), store.hostEnrolment().joinToken(hash + account).orElseThrow().instanceId());
        assertCode(AwsErrorCode.AccessDenied, () -> store.hostEnrolment().enrol(hash + account, "ssh-ed25519 BBBB"));
        assertCode(AwsErrorCode.AccessDenied, () -> store.hostEnrolment().enrol("c".repeat(64), "ssh-ed25519 BBBB"));
        clock.advance(Duration.ofSeconds(2));
        assertCode(AwsErrorCode.AccessDenied, () -> store.hostEnrolment().enrol(expired + account, "ssh-ed25519 CCCC"));
        store.hostEnrolment().recordRefresh(host.instanceId(), clock.instant());
        assertEquals(clock.instant(), store.hostEnrolment().instance(host.instanceId()).orElseThrow().lastRefresh());
        assertTrue(store.hostEnrolment().revoke(host.instanceId()).revoked());
        assertEquals(List.of(host.instanceId()), store.hostEnrolment().instances(account, PageRequest.first()).items()
                .stream().map(HostInstance::instanceId).toList());
        assertTrue(store.hostEnrolment().purgeExpiredJoinTokens() >= 1);
        assertTrue(store.hostEnrolment().joinToken(expired + account).isEmpty());
        assertCode(AwsErrorCode.DeleteConflict, () -> store.instanceProfiles().delete(account, "hosts"));
    }

    // ---- key ring

    @Test
    void signingKeysMoveFromNextToActiveToRetired() {
        String k1 = "k1-" + account;
        String k2 = "k2-" + account;
        Secret material = Secret.ofBytes(new byte[] {1, 2, 3, 4});
        SigningKey added = store.signingKeys().add(new NewSigningKey(k1, "EdDSA", "{\"kid\":\"" + k1 + "\"}", material));
        assertEquals(SigningKeyState.NEXT, added.state());
        assertEquals(material, store.signingKeys().privateKey(k1).orElseThrow());
        assertCode(AwsErrorCode.EntityAlreadyExists, () -> store.signingKeys().add(new NewSigningKey(k1, "EdDSA", "{}", material)));
        assertEquals(SigningKeyState.ACTIVE, store.signingKeys().activate(k1).state());
        store.signingKeys().add(new NewSigningKey(k2, "ES256", "{\"kid\":\"" + k2 + "\"}", material));
        SigningKey second = store.signingKeys().activate(k2);
        assertEquals(clock.instant(), second.activatedAt());
        SigningKey first = store.signingKeys().get(k1).orElseThrow();
        assertEquals(SigningKeyState.RETIRED, first.state());
        assertEquals(clock.instant(), first.retiredAt());
        assertEquals(k2, store.signingKeys().active().orElseThrow().kid());
        assertEquals(1, store.signingKeys().list().stream().filter(k -> k.state() == SigningKeyState.ACTIVE).count());
        assertCode(AwsErrorCode.InvalidInput, () -> store.signingKeys().activate(k1));
        assertCode(AwsErrorCode.DeleteConflict, () -> store.signingKeys().delete(k2));
        store.signingKeys().delete(k1);
        store.signingKeys().retire(k2);
        store.signingKeys().delete(k2);
        assertTrue(store.signingKeys().get(k2).isEmpty());
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.signingKeys().activate(k2));
    }

    @Test
    void dataKeysHoldRandomMaterial() {
        DataKey a = store.dataKeys().create(clock.instant().plus(Duration.ofDays(1)));
        DataKey b = store.dataKeys().create(clock.instant().plus(Duration.ofDays(1)));
        assertNotEquals(a.id(), b.id());
        Secret ma = store.dataKeys().material(a.id()).orElseThrow();
        assertEquals(32, ma.length());
        assertNotEquals(ma, store.dataKeys().material(b.id()).orElseThrow());
        assertTrue(store.dataKeys().list().containsAll(List.of(a, b)));
        assertCode(AwsErrorCode.InvalidParameterValue, () -> store.dataKeys().create(clock.instant()));
        store.dataKeys().delete(a.id());
        store.dataKeys().delete(b.id());
        assertTrue(store.dataKeys().get(a.id()).isEmpty());
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.dataKeys().delete(a.id()));
    }

    private StoredKeyLifecycle next(String id) {
        return new StoredKeyLifecycle(id, SigningKeyState.NEXT, clock.instant(), null, null);
    }

    private static RingSigningKey ringSigningKey(StoredKeyLifecycle lifecycle, byte[] material) {
        return new RingSigningKey(lifecycle, "EdDSA", "{\"kid\":\"" + lifecycle.id() + "\"}", Secret.ofBytes(material));
    }

    private static KeyRingUpdate update(RingChanges<RingSigningKey> signing, RingChanges<RingDataKey> data) {
        return new KeyRingUpdate(signing, data);
    }

    private static <K> RingChanges<K> added(List<K> keys) {
        return new RingChanges<>(keys, List.of(), List.of());
    }

    private List<RingSigningKey> signingRing(String suffix) {
        return store.signingKeys().ring().stream().filter(k -> k.kid().endsWith(suffix)).toList();
    }

    private List<RingDataKey> dataRing(String suffix) {
        return store.dataKeys().ring().stream().filter(k -> k.id().endsWith(suffix)).toList();
    }

    @Test
    void keyRingChangesStoreKeysAsGivenWithTheirLifecycle() throws SQLException {
        String sfx = "-" + account;
        Instant created = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        StoredKeyLifecycle active = new StoredKeyLifecycle("s1" + sfx, SigningKeyState.ACTIVE, created, clock.instant(), null);
        StoredKeyLifecycle retired = new StoredKeyLifecycle("s0" + sfx, SigningKeyState.RETIRED, created.minusSeconds(60),
                created, clock.instant());
        byte[] m1 = "private key one, as the keys package exported it".getBytes(StandardCharsets.UTF_8);
        byte[] m0 = "private key zero".getBytes(StandardCharsets.UTF_8);
        byte[] dk = new byte[32];
        Arrays.fill(dk, (byte) 7);
        long before = store.currentVersion();
        store.applyKeyRingChanges(update(
                added(List.of(ringSigningKey(active, m1), ringSigningKey(retired, m0), ringSigningKey(next("s2" + sfx), m1))),
                added(List.of(new RingDataKey(next("d1" + sfx), Secret.ofBytes(dk))))));
        assertEquals(before + 1, store.currentVersion(), "one transaction, one logged change");
        Change change = store.changesSince(before, 10).get(0);
        assertEquals(EntityKind.SIGNING_KEY, change.kind());
        assertEquals("s1" + sfx, change.entityId());

        List<RingSigningKey> signing = signingRing(sfx);
        assertEquals(List.of("s0" + sfx, "s1" + sfx, "s2" + sfx), signing.stream().map(RingSigningKey::kid).toList());
        assertEquals(retired, signing.get(0).lifecycle());
        assertEquals(active, signing.get(1).lifecycle());
        assertEquals(SigningKeyState.NEXT, signing.get(2).lifecycle().state());
        assertEquals(Secret.ofBytes(m1), signing.get(1).privateKey());
        assertEquals(Secret.ofBytes(m0), signing.get(0).privateKey());
        assertEquals("EdDSA", signing.get(1).algorithm());
        assertEquals("{\"kid\":\"s1" + sfx + "\"}", signing.get(1).publicJwk());
        assertEquals(SigningKeyState.ACTIVE, store.signingKeys().get("s1" + sfx).orElseThrow().state());
        assertSealed(rawColumn("SELECT private_sealed FROM signing_key WHERE kid = ?", "s1" + sfx), m1);
        assertSealed(rawColumn("SELECT key_sealed FROM data_key WHERE id = ?", "d1" + sfx), dk);
        RingDataKey data = dataRing(sfx).get(0);
        assertEquals(next("d1" + sfx).id(), data.id());
        assertEquals(SigningKeyState.NEXT, data.lifecycle().state());
        assertEquals(Secret.ofBytes(dk), data.material());
        assertNull(store.dataKeys().get("d1" + sfx).orElseThrow().expiresAt());

        clock.advance(Duration.ofHours(1));
        StoredKeyLifecycle promoted = new StoredKeyLifecycle("s2" + sfx, SigningKeyState.ACTIVE,
                signing.get(2).lifecycle().createdAt(), clock.instant(), null);
        StoredKeyLifecycle retiredNow = new StoredKeyLifecycle("s1" + sfx, SigningKeyState.RETIRED, created,
                active.activatedAt(), clock.instant());
        StoredKeyLifecycle dataActive = new StoredKeyLifecycle("d1" + sfx, SigningKeyState.ACTIVE,
                data.lifecycle().createdAt(), clock.instant(), null);
        store.applyKeyRingChanges(update(new RingChanges<>(List.of(), List.of(promoted, retiredNow), List.of("s0" + sfx)),
                new RingChanges<>(List.of(), List.of(dataActive), List.of("not-stored" + sfx))));
        assertEquals(List.of(retiredNow, promoted), signingRing(sfx).stream().map(RingSigningKey::lifecycle).toList());
        assertEquals(List.of(dataActive), dataRing(sfx).stream().map(RingDataKey::lifecycle).toList());
        assertTrue(store.signingKeys().get("s0" + sfx).isEmpty());

        reopen();
        assertEquals(List.of(retiredNow, promoted), signingRing(sfx).stream().map(RingSigningKey::lifecycle).toList());
        assertEquals(Secret.ofBytes(m1), signingRing(sfx).get(1).privateKey());
        assertEquals(Secret.ofBytes(dk), dataRing(sfx).get(0).material());

        store.applyKeyRingChanges(update(new RingChanges<>(List.of(), List.of(), List.of("s1" + sfx, "s2" + sfx)),
                new RingChanges<>(List.of(), List.of(), List.of("d1" + sfx))));
        assertTrue(signingRing(sfx).isEmpty());
        assertTrue(dataRing(sfx).isEmpty());
    }

    @Test
    void aFailingKeyRingChangeWritesNothing() {
        String sfx = "-" + account;
        byte[] material = {1, 2, 3};
        store.applyKeyRingChanges(update(added(List.of(ringSigningKey(next("a" + sfx), material))), RingChanges.none()));
        long version = store.currentVersion();
        LanyardException duplicate = assertCode(AwsErrorCode.EntityAlreadyExists, () -> store.applyKeyRingChanges(update(
                added(List.of(ringSigningKey(next("b" + sfx), material), ringSigningKey(next("a" + sfx), material))),
                added(List.of(new RingDataKey(next("d" + sfx), Secret.ofBytes(new byte[32])))))));
        assertTrue(duplicate.getMessage().contains("a" + sfx), duplicate.getMessage());
        StoredKeyLifecycle missing = new StoredKeyLifecycle("missing" + sfx, SigningKeyState.ACTIVE, clock.instant(),
                clock.instant(), null);
        StoredKeyLifecycle activeA = new StoredKeyLifecycle("a" + sfx, SigningKeyState.ACTIVE, clock.instant(), clock.instant(), null);
        assertCode(AwsErrorCode.NoSuchEntity, () -> store.applyKeyRingChanges(update(
                new RingChanges<>(List.of(), List.of(activeA), List.of()),
                new RingChanges<>(List.of(new RingDataKey(next("d" + sfx), Secret.ofBytes(new byte[32]))), List.of(missing), List.of()))));
        assertCode(AwsErrorCode.ValidationError, () -> store.applyKeyRingChanges(update(
                added(List.of(ringSigningKey(next("bad kid" + sfx), material))), RingChanges.none())));
        assertEquals(version, store.currentVersion());
        assertEquals(List.of(next("a" + sfx)), signingRing(sfx).stream().map(RingSigningKey::lifecycle).toList());
        assertTrue(dataRing(sfx).isEmpty());
        assertCode(AwsErrorCode.ValidationError, () -> new StoredKeyLifecycle("x", SigningKeyState.ACTIVE, clock.instant(), null, null));
        assertCode(AwsErrorCode.ValidationError, () -> new StoredKeyLifecycle("x", SigningKeyState.NEXT, clock.instant(), null,
                clock.instant()));
        store.applyKeyRingChanges(update(new RingChanges<>(List.of(), List.of(), List.of("a" + sfx)), RingChanges.none()));
        assertTrue(signingRing(sfx).isEmpty());
    }

    @Test
    void dataKeysMadeByTheStoreAreActiveRingKeys() {
        DataKey created = store.dataKeys().create(clock.instant().plus(Duration.ofDays(1)));
        RingDataKey ring = store.dataKeys().ring().stream().filter(k -> k.id().equals(created.id())).findFirst().orElseThrow();
        assertEquals(new StoredKeyLifecycle(created.id(), SigningKeyState.ACTIVE, created.createdAt(), created.createdAt(), null),
                ring.lifecycle());
        assertEquals(store.dataKeys().material(created.id()).orElseThrow(), ring.material());
        store.dataKeys().delete(created.id());
    }

    // ---- change log

    @Test
    void everyWriteAppendsOneChangeWithTheNextVersion() {
        long start = store.currentVersion();
        User alice = user("alice");
        store.users().tag(account, "alice", List.of(new Tag("a", "b")));
        store.users().get(account, "alice");
        assertCode(AwsErrorCode.EntityAlreadyExists, () -> user("alice"));
        store.users().delete(account, "alice");
        List<Change> changes = store.changesSince(start, 100).stream().filter(c -> account.equals(c.accountId())).toList();
        assertEquals(3, changes.size());
        assertEquals(List.of(ChangeOp.CREATE, ChangeOp.UPDATE, ChangeOp.DELETE), changes.stream().map(Change::op).toList());
        for (Change change : changes) {
            assertEquals(EntityKind.USER, change.kind());
            assertEquals(alice.id(), change.entityId());
            assertEquals("alice", change.entityName());
            assertEquals(clock.instant(), change.changedAt());
        }
        assertTrue(changes.get(0).version() > start);
        assertTrue(changes.get(0).version() < changes.get(1).version());
        assertTrue(changes.get(1).version() < changes.get(2).version());
        assertTrue(store.currentVersion() >= changes.get(2).version());
        assertEquals(1, store.changesSince(start, 1).size());
    }

    @Test
    void concurrentWritersGetGapFreeDistinctVersions() throws Exception {
        long start = store.currentVersion();
        int writers = 4;
        int each = 5;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                tasks.add(() -> {
                    for (int i = 0; i < each; i++) {
                        store.groups().create(account, NewGroup.named("g" + writer + "-" + i));
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> versions = store.changesSince(start, 1000).stream().map(Change::version).toList();
        List<Long> sorted = new ArrayList<>(versions);
        Collections.sort(sorted);
        assertEquals(sorted, versions);
        for (int i = 1; i < versions.size(); i++) {
            assertEquals(versions.get(i - 1) + 1, versions.get(i), "versions have a gap");
        }
        assertTrue(versions.size() >= writers * each);
        assertEquals(versions.get(versions.size() - 1), store.currentVersion());
    }

    // ---- replay cache

    @Test
    void replayCacheRecordsAnIdOnceUntilItExpires() throws Exception {
        String id = "assertion-" + account;
        Instant expiry = clock.instant().plusSeconds(60);
        assertTrue(store.recordOnce(id, expiry));
        assertFalse(store.recordOnce(id, expiry));
        assertTrue(store.recordOnce(id + "-other", expiry));
        clock.advance(Duration.ofSeconds(61));
        assertTrue(store.recordOnce(id, clock.instant().plusSeconds(60)));
        assertFalse(store.recordOnce(id, clock.instant().plusSeconds(60)));
        String raced = "raced-" + account;
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await(5, TimeUnit.SECONDS);
                    return store.recordOnce(raced, clock.instant().plusSeconds(60));
                }));
            }
            int firsts = 0;
            for (Future<Boolean> r : results) {
                firsts += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, firsts);
        } finally {
            pool.shutdownNow();
        }
        clock.advance(Duration.ofSeconds(61));
        assertTrue(store.purgeExpiredReplayRecords() >= 2);
    }

    // ---- restart

    @Test
    void reopeningTheStoreKeepsEverything() {
        User alice = store.users().create(account, new NewUser("alice", "/", List.of(new Tag("t", "1")), null));
        AccessKeySecret key = store.accessKeys().create(account, "alice");
        store.roles().create(account, new NewRole("app", "/", TRUST, "d", 7200, List.of(new Tag("x", "y")), null));
        ManagedPolicy p = policy("p");
        store.principalPolicies().attach(PolicyOwner.role(account, "app"), p.arn());
        Role app = store.roles().get(account, "app").orElseThrow();
        CreatedMfaDevice mfa = store.mfaDevices().create(account, "phone", null);
        long version = store.currentVersion();
        reopen();
        assertEquals(alice, store.users().get(account, "alice").orElseThrow());
        assertEquals(key.secretAccessKey(), store.accessKeys().secret(key.key().accessKeyId()).orElseThrow().secretAccessKey());
        assertEquals(app, store.roles().get(account, "app").orElseThrow());
        assertEquals(List.of(p.arn()), store.principalPolicies().attachedPolicies(PolicyOwner.role(account, "app"))
                .stream().map(a -> a.policyArn()).toList());
        assertEquals(mfa.seed(), store.mfaDevices().seed(mfa.device().serialNumber()).orElseThrow());
        assertEquals(version, store.currentVersion());
    }
}
