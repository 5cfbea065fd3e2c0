package dev.lanyard.policy.condition;

import static dev.lanyard.policy.condition.Conditions.cond;
import static dev.lanyard.policy.condition.Conditions.context;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.policy.model.PolicyVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringConditionTest {

  @Test
  void stringEqualsIsExactAndCaseSensitive() {
    // AWS docs example: "StringEquals": {"aws:PrincipalTag/job-category": "iamuser-admin"}
    CompiledCondition c = cond("StringEquals", "aws:PrincipalTag/job-category", "iamuser-admin");
    assertTrue(c.test(context("aws:PrincipalTag/job-category", "iamuser-admin")));
    assertFalse(c.test(context("aws:PrincipalTag/job-category", "IAMUSER-ADMIN")));
    assertFalse(c.test(context("aws:PrincipalTag/job-category", "iamuser-admin*")));
    assertFalse(c.test(context()), "missing key");
  }

  @Test
  void keysAndTagKeysAreCaseInsensitive() {
    CompiledCondition c = cond("StringEquals", "AWS:PrincipalTag/Job-Category", "admin");
    assertTrue(c.test(context("aws:principaltag/job-category", "admin")));
    assertTrue(c.test(context("aws:PRINCIPALTAG/JOB-CATEGORY", "admin")));
  }

  @Test
  void ignoreCaseVariants() {
    assertTrue(cond("StringEqualsIgnoreCase", "k", "Admin").test(context("k", "aDMIN")));
    assertFalse(cond("StringEqualsIgnoreCase", "k", "Admin").test(context("k", "admins")));
    assertFalse(cond("StringNotEqualsIgnoreCase", "k", "Admin").test(context("k", "ADMIN")));
    assertTrue(cond("StringNotEqualsIgnoreCase", "k", "Admin").test(context("k", "user")));
  }

  @Test
  void stringLikeUsesWildcards() {
    CompiledCondition c = cond("StringLike", "s3:prefix", "home/*", "public/??");
    assertTrue(c.test(context("s3:prefix", "home/alice/x")));
    assertTrue(c.test(context("s3:prefix", "public/ab")));
    assertFalse(c.test(context("s3:prefix", "public/abc")));
    assertFalse(c.test(context("s3:prefix", "Home/alice")));
    assertFalse(cond("StringEquals", "k", "a*").test(context("k", "abc")), "StringEquals has no wildcards");
  }

  @Test
  void negatedOperatorWithSeveralValuesIsNor() {
    CompiledCondition c = cond("StringNotEquals", "aws:PrincipalTag/role", "audit", "security");
    assertFalse(c.test(context("aws:PrincipalTag/role", "audit")));
    assertFalse(c.test(context("aws:PrincipalTag/role", "security")));
    assertTrue(c.test(context("aws:PrincipalTag/role", "dev")));
    CompiledCondition like = cond("StringNotLike", "k", "a*", "b*");
    assertFalse(like.test(context("k", "bx")));
    assertTrue(like.test(context("k", "cx")));
  }

  @Test
  void negatedOperatorOnMissingKeyIsTrue() {
    assertTrue(cond("StringNotEquals", "k", "x").test(context()));
    assertTrue(cond("StringNotLike", "k", "x*").test(context()));
    assertTrue(cond("ArnNotLike", "aws:SourceArn", "arn:aws:sns:*:*:t").test(context()));
    assertTrue(cond("NotIpAddress", "aws:SourceIp", "10.0.0.0/8").test(context()));
  }

  @Test
  void ifExistsIsTrueWhenMissingAndTestsWhenPresent() {
    CompiledCondition c = cond("StringEqualsIfExists", "ec2:InstanceType", "t2.micro", "t2.small");
    assertTrue(c.test(context()));
    assertTrue(c.test(context("ec2:InstanceType", "t2.small")));
    assertFalse(c.test(context("ec2:InstanceType", "m5.large")));
    assertTrue(cond("StringNotEqualsIfExists", "k", "x").test(context()));
    assertFalse(cond("StringNotEqualsIfExists", "k", "x").test(context("k", "x")));
  }

  @Test
  void emptyListCountsAsMissing() {
    assertFalse(cond("StringEquals", "k", "x").test(context("k", List.of())));
    assertTrue(cond("StringEqualsIfExists", "k", "x").test(context("k", List.of())));
    assertTrue(cond("Null", "k", "true").test(context("k", List.of())));
  }

  @Test
  void unqualifiedOperatorOnMultiValuedKeyMatchesAnyValue() {
    assertTrue(cond("StringEquals", "aws:TagKeys", "env").test(context("aws:TagKeys", List.of("team", "env"))));
    assertFalse(cond("StringEquals", "aws:TagKeys", "cost").test(context("aws:TagKeys", List.of("team", "env"))));
    assertFalse(cond("StringNotEquals", "aws:TagKeys", "env").test(context("aws:TagKeys", List.of("team", "env"))));
    assertTrue(cond("StringNotEquals", "aws:TagKeys", "cost").test(context("aws:TagKeys", List.of("team", "env"))));
  }

  @Test
  void variablesInValues() {
    CompiledCondition c = cond("StringEquals", "aws:ResourceTag/owner", "${aws:username}");
    assertTrue(c.test(context("aws:ResourceTag/owner", "alice", "aws:username", "alice")));
    assertFalse(c.test(context("aws:ResourceTag/owner", "bob", "aws:username", "alice")));
    assertFalse(c.test(context("aws:ResourceTag/owner", "alice")), "missing variable does not match");
    CompiledCondition d = cond("StringEquals", "aws:ResourceTag/team", "${aws:PrincipalTag/team, 'shared'}");
    assertTrue(d.test(context("aws:ResourceTag/team", "shared")));
    assertTrue(d.test(context("aws:ResourceTag/team", "red", "aws:PrincipalTag/TEAM", "red")));
    CompiledCondition like = cond("StringLike", "s3:prefix", "home/${aws:username}/*");
    assertTrue(like.test(context("s3:prefix", "home/alice/docs", "aws:username", "alice")));
    assertFalse(like.test(context("s3:prefix", "home/bob/docs", "aws:username", "alice")));
  }

  @Test
  void negatedOperatorWithMissingVariableTreatsThatValueAsNoMatch() {
    CompiledCondition c = cond("StringNotEquals", "k", "${aws:username}");
    assertTrue(c.test(context("k", "alice")));
    assertFalse(c.test(context("k", "alice", "aws:username", "alice")));
  }

  @Test
  void version2008KeepsVariablesLiteral() {
    CompiledCondition c = cond(PolicyVersion.V2008_10_17, "StringEquals", "k", "${aws:username}");
    assertTrue(c.test(context("k", "${aws:username}", "aws:username", "alice")));
    assertFalse(c.test(context("k", "alice", "aws:username", "alice")));
  }

  @Test
  void literalWildcardVariables() {
    CompiledCondition c = cond("StringLike", "k", "a${*}*");
    assertTrue(c.test(context("k", "a*bc")));
    assertFalse(c.test(context("k", "abc")));
  }
}
