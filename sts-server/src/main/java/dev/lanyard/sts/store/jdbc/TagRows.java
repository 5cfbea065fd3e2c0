package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.store.IamInput;
import dev.lanyard.sts.store.IamLimits;
import dev.lanyard.sts.store.model.Tag;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tags by owner id. Keys of users and roles are case-insensitive (case preserved), as in AWS IAM;
 * other entities' keys are case-sensitive. Each tag is validated as it is written, so a bad tag fails
 * the surrounding transaction.
 */
final class TagRows {
    private TagRows() {
    }

    static List<Tag> read(Connection c, String ownerId) throws SQLException {
        return Sql.list(c, "SELECT tag_key, tag_value FROM entity_tag WHERE owner_id = ? ORDER BY key_norm",
                rs -> new Tag(rs.getString("tag_key"), rs.getString("tag_value")), ownerId);
    }

    /** Tags of many owners in one query. */
    static Map<String, List<Tag>> readAll(Connection c, List<String> ownerIds) throws SQLException {
        Map<String, List<Tag>> out = new HashMap<>();
        if (ownerIds.isEmpty()) {
            return out;
        }
        String marks = String.join(",", java.util.Collections.nCopies(ownerIds.size(), "?"));
        List<Object[]> rows = Sql.list(c, "SELECT owner_id, tag_key, tag_value FROM entity_tag WHERE owner_id IN ("
                + marks + ") ORDER BY owner_id, key_norm",
                rs -> new Object[] {rs.getString(1), new Tag(rs.getString(2), rs.getString(3))}, ownerIds.toArray());
        for (Object[] row : rows) {
            out.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((Tag) row[1]);
        }
        return out;
    }

    /** Adds or replaces tags, validating each and the total against {@link IamLimits#TAGS}. */
    static void put(Connection c, String ownerId, boolean caseInsensitive, List<Tag> tags) throws SQLException {
        Set<String> incoming = new HashSet<>();
        for (Tag tag : tags) {
            if (!incoming.add(norm(tag.key(), caseInsensitive))) {
                throw new dev.lanyard.sts.error.LanyardException(dev.lanyard.sts.error.AwsErrorCode.InvalidInput,
                        "tags list the key " + tag.key() + " twice; each key may appear once", false);
            }
        }
        Set<String> existing = new HashSet<>(Sql.list(c, "SELECT key_norm FROM entity_tag WHERE owner_id = ?",
                rs -> rs.getString(1), ownerId));
        Set<String> after = new HashSet<>(existing);
        after.addAll(incoming);
        if (after.size() > IamLimits.TAGS) {
            throw IamInput.limit("the entity would have " + after.size() + " tags; at most " + IamLimits.TAGS + " are allowed");
        }
        for (int i = 0; i < tags.size(); i++) {
            Tag tag = IamInput.tag("tags[" + i + "]", tags.get(i));
            String key = norm(tag.key(), caseInsensitive);
            if (existing.contains(key)) {
                Sql.update(c, "UPDATE entity_tag SET tag_key = ?, tag_value = ? WHERE owner_id = ? AND key_norm = ?",
                        tag.key(), tag.value(), ownerId, key);
            } else {
                Sql.update(c, "INSERT INTO entity_tag (owner_id, key_norm, tag_key, tag_value) VALUES (?, ?, ?, ?)",
                        ownerId, key, tag.key(), tag.value());
            }
        }
    }

    static void remove(Connection c, String ownerId, boolean caseInsensitive, List<String> keys) throws SQLException {
        for (String key : IamInput.tagKeys("tagKeys", keys)) {
            Sql.update(c, "DELETE FROM entity_tag WHERE owner_id = ? AND key_norm = ?", ownerId, norm(key, caseInsensitive));
        }
    }

    static void removeAll(Connection c, String ownerId) throws SQLException {
        Sql.update(c, "DELETE FROM entity_tag WHERE owner_id = ?", ownerId);
    }

    private static String norm(String key, boolean caseInsensitive) {
        return caseInsensitive ? key.toLowerCase(Locale.ROOT) : key;
    }
}
