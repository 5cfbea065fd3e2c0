package dev.lanyard.policy.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActionPatternsTest {

  @Test
  void matchesIgnoringCase() {
    ActionPatterns a = ActionPatterns.compile(List.of("s3:GetObject", "IAM:list*", "ec2:Describe?nstances"));
    assertTrue(a.matches("s3:getobject"));
    assertTrue(a.matches("S3:GETOBJECT"));
    assertTrue(a.matches("iam:ListUsers"));
    assertTrue(a.matches("ec2:DescribeInstances"));
    assertFalse(a.matches("s3:GetObjectAcl"));
    assertFalse(a.matches("sqs:ListQueues"));
    assertFalse(a.matches("iam"));
  }

  @Test
  void groupsByServiceAndKeepsWildcardServicesGeneric() {
    ActionPatterns a = ActionPatterns.compile(List.of("s3:Get*", "S3:List*", "*:Describe*", "iam*", "sts:*"));
    assertEquals(Set.of("s3", "sts"), a.services());
    assertEquals(2, a.namePatterns("s3").length);
    assertEquals(2, a.genericPatterns().length);
    assertTrue(a.matches("ec2:DescribeVpcs"));
    assertTrue(a.matches("iamx:Anything"));
    assertTrue(a.matches("sts:AssumeRole"));
    assertFalse(a.matches("ec2:RunInstances"));
    assertFalse(a.matchesAll());
  }

  @Test
  void starMatchesEverything() {
    ActionPatterns a = ActionPatterns.compile(List.of("*"));
    assertTrue(a.matchesAll());
    assertTrue(a.matches("anything:AtAll"));
    assertTrue(a.matches("nocolon"));
  }

  @Test
  void serviceTableLooksUpByPrefixIgnoringCase() {
    ServiceTable<String> t = ServiceTable.of(Map.of("s3", "S", "ec2", "E", "iam", "I"));
    assertEquals("S", t.get("S3:GetObject", 2));
    assertEquals("E", t.get("Ec2:Run", 3));
    assertEquals(null, t.get("sqs:Send", 3));
    assertEquals(null, t.get("s3x:Get", 3));
    assertEquals(3, t.size());
  }
}
