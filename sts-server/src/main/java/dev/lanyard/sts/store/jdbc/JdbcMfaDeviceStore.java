package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.crypto.Secret;
import dev.lanyard.sts.store.ChangeOp;
import dev.lanyard.sts.store.EntityKind;
import dev.lanyard.sts.store.IamInput;
import dev.lanyard.sts.store.IamLimits;
import dev.lanyard.sts.store.MfaDeviceStore;
import dev.lanyard.sts.store.Page;
import dev.lanyard.sts.store.PageRequest;
import dev.lanyard.sts.store.model.CreatedMfaDevice;
import dev.lanyard.sts.store.model.VirtualMfaDevice;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Virtual MFA devices on JDBC; 160-bit seeds sealed under {@code mfa-seed:<serial>}. */
final class JdbcMfaDeviceStore implements MfaDeviceStore {
    private static final int SEED_BYTES = 20;
    private static final String SELECT = "SELECT d.*, u.name AS user_name FROM mfa_device d LEFT JOIN iam_user u ON u.id = d.user_id";

    private final JdbcContext ctx;

    JdbcMfaDeviceStore(JdbcContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CreatedMfaDevice create(String accountId, String deviceName, String path) {
        IamInput.name("virtualMFADeviceName", deviceName, 226);
        String devicePath = IamInput.path("path", path == null ? "/" : path);
        byte[] seedBytes = ctx.ids().bytes(SEED_BYTES);
        Secret seed = Secret.ofBytes(seedBytes);
        Arrays.fill(seedBytes, (byte) 0);
        VirtualMfaDevice device = ctx.db().write(tx -> {
            Connection c = tx.connection();
            PrincipalRows.requireAccount(c, accountId);
            if (Sql.count(c, "SELECT COUNT(*) FROM mfa_device WHERE account_id = ? AND name_key = ?", accountId,
                    PrincipalRows.key(deviceName)) > 0) {
                throw SqlFailures.alreadyExists("MFA device " + deviceName + " in account " + accountId);
            }
            String serial = ctx.arns().mfa(accountId, devicePath, deviceName);
            Sql.update(c, "INSERT INTO mfa_device (serial, account_id, name, name_key, path, seed_sealed, create_date)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", serial, accountId, deviceName, PrincipalRows.key(deviceName), devicePath,
                    SealedColumns.seal(ctx.sealer(), SealedColumns.mfaSeed(serial), seed), tx.now());
            tx.changed(EntityKind.MFA_DEVICE, accountId, serial, deviceName, ChangeOp.CREATE);
            return bySerial(c, serial).orElseThrow();
        });
        return new CreatedMfaDevice(device, seed);
    }

    @Override
    public Optional<VirtualMfaDevice> get(String serialNumber) {
        return ctx.db().read(c -> bySerial(c, serialNumber));
    }

    @Override
    public Optional<Secret> seed(String serialNumber) {
        return ctx.db().read(c -> Sql.one(c, "SELECT seed_sealed FROM mfa_device WHERE serial = ?",
                rs -> SealedColumns.unseal(ctx.sealer(), SealedColumns.mfaSeed(serialNumber), rs.getString(1)), serialNumber));
    }

    @Override
    public Page<VirtualMfaDevice> list(String accountId, PageRequest page) {
        String after = Paging.after(page);
        return ctx.db().read(c -> Paging.page(Sql.list(c, SELECT + " WHERE d.account_id = ? AND d.name_key > ?"
                + " ORDER BY d.name_key" + Paging.fetch(page), JdbcMfaDeviceStore::map, accountId, after),
                page, d -> PrincipalRows.key(d.name())));
    }

    @Override
    public List<VirtualMfaDevice> listForUser(String accountId, String userName) {
        return ctx.db().read(c -> {
            String userId = Sql.one(c, "SELECT id FROM iam_user WHERE account_id = ? AND name_key = ?", rs -> rs.getString(1),
                    accountId, PrincipalRows.key(userName)).orElseThrow(() -> SqlFailures.noSuch("user " + userName
                    + " in account " + accountId));
            return Sql.list(c, SELECT + " WHERE d.user_id = ? ORDER BY d.enable_date, d.serial", JdbcMfaDeviceStore::map, userId);
        });
    }

    @Override
    public VirtualMfaDevice enable(String accountId, String userName, String serialNumber) {
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            String userId = PrincipalRows.lockUser(c, accountId, userName);
            VirtualMfaDevice device = lock(c, accountId, serialNumber);
            if (device.enabled()) {
                throw SqlFailures.alreadyExists("an enabled assignment of MFA device " + serialNumber);
            }
            long devices = Sql.count(c, "SELECT COUNT(*) FROM mfa_device WHERE user_id = ?", userId);
            if (devices >= IamLimits.MFA_DEVICES_PER_USER) {
                throw IamInput.limit("user " + userName + " already has " + devices + " MFA devices; at most "
                        + IamLimits.MFA_DEVICES_PER_USER + " are allowed");
            }
            Sql.update(c, "UPDATE mfa_device SET user_id = ?, enable_date = ? WHERE serial = ?", userId, tx.now(), serialNumber);
            Sql.update(c, "UPDATE iam_user SET row_version = row_version + 1 WHERE id = ?", userId);
            tx.changed(EntityKind.MFA_DEVICE, accountId, serialNumber, device.name(), ChangeOp.UPDATE);
            return bySerial(c, serialNumber).orElseThrow();
        });
    }

    @Override
    public VirtualMfaDevice deactivate(String accountId, String userName, String serialNumber) {
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            String userId = PrincipalRows.lockUser(c, accountId, userName);
            VirtualMfaDevice device = lock(c, accountId, serialNumber);
            if (!userId.equals(device.userId())) {
                throw SqlFailures.noSuch("MFA device " + serialNumber + " enabled for user " + userName);
            }
            Sql.update(c, "UPDATE mfa_device SET user_id = NULL, enable_date = NULL WHERE serial = ?", serialNumber);
            Sql.update(c, "UPDATE iam_user SET row_version = row_version + 1 WHERE id = ?", userId);
            tx.changed(EntityKind.MFA_DEVICE, accountId, serialNumber, device.name(), ChangeOp.UPDATE);
            return bySerial(c, serialNumber).orElseThrow();
        });
    }

    @Override
    public void delete(String serialNumber) {
        ctx.db().write(tx -> {
            Connection c = tx.connection();
            if (Sql.one(c, "SELECT serial FROM mfa_device WHERE serial = ? FOR UPDATE", rs -> rs.getString(1),
                    serialNumber).isEmpty()) {
                throw SqlFailures.noSuch("MFA device " + serialNumber);
            }
            VirtualMfaDevice device = bySerial(c, serialNumber).orElseThrow();
            if (device.enabled()) {
                throw SqlFailures.deleteConflict("MFA device " + serialNumber, "it is enabled for user " + device.userName()
                        + "; deactivate it first");
            }
            Sql.update(c, "DELETE FROM mfa_device WHERE serial = ?", serialNumber);
            tx.changed(EntityKind.MFA_DEVICE, device.accountId(), serialNumber, device.name(), ChangeOp.DELETE);
            return null;
        });
    }

    private static VirtualMfaDevice lock(Connection c, String accountId, String serial) throws SQLException {
        if (Sql.one(c, "SELECT serial FROM mfa_device WHERE serial = ? AND account_id = ? FOR UPDATE",
                rs -> rs.getString(1), serial, accountId).isEmpty()) {
            throw SqlFailures.noSuch("MFA device " + serial + " in account " + accountId);
        }
        return bySerial(c, serial).orElseThrow();
    }

    private static Optional<VirtualMfaDevice> bySerial(Connection c, String serial) throws SQLException {
        return Sql.one(c, SELECT + " WHERE d.serial = ?", JdbcMfaDeviceStore::map, serial);
    }

    private static VirtualMfaDevice map(ResultSet rs) throws SQLException {
        return new VirtualMfaDevice(rs.getString("account_id"), rs.getString("serial"), rs.getString("name"),
                rs.getString("path"), rs.getString("user_name"), rs.getString("user_id"), Sql.instant(rs, "enable_date"),
                Sql.instant(rs, "create_date"));
    }
}
