package dev.lanyard.policy.compile;

import static dev.lanyard.policy.compile.TestPolicies.compile;
import static dev.lanyard.policy.compile.TestPolicies.request;
import static dev.lanyard.policy.compile.TestPolicies.statements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.lanyard.policy.eval.AuthorizationRequest;
import dev.lanyard.policy.model.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompiledPolicyTest {

  private static Integer allowIndex(CompiledPolicy p, AuthorizationRequest r) {
    CompiledStatement s = p.firstMatch(Effect.ALLOW, r, false);
    return s == null ? null : s.index();
  }

  @Test
  void firstMatchKeepsStatementOrderAcrossServiceBuckets() {
    CompiledPolicy p = statements("p", """
        {"Effect":"Allow","Action":"*:Get*","Resource":"*"},
        {"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},
        {"Effect":"Allow","Action":["s3:Put*","ec2:*"],"Resource":"*"}""");
    assertEquals(0, allowIndex(p, request("s3:GetObject", "arn:aws:s3:::b/k")));
    assertEquals(2, allowIndex(p, request("S3:PUTOBJECT", "arn:aws:s3:::b/k")));
    assertEquals(2, allowIndex(p, request("ec2:RunInstances", "*")));
    assertEquals(0, allowIndex(p, request("sqs:GetQueueUrl", "*")));
    assertNull(allowIndex(p, request("sqs:SendMessage", "*")));
    assertNull(allowIndex(p, request("nocolon", "*")));
  }

  @Test
  void notActionAppliesToEveryOtherAction() {
    // Like PowerUserAccess: everything except IAM and Organizations.
    CompiledPolicy p = statements("p", """
        {"Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"},
        {"Effect":"Allow","Action":["iam:CreateServiceLinkedRole","iam:ListRoles"],"Resource":"*"}""");
    assertEquals(0, allowIndex(p, request("s3:GetObject", "*")));
    assertEquals(0, allowIndex(p, request("unknownservice:Do", "*")));
    assertEquals(1, allowIndex(p, request("iam:ListRoles", "*")));
    assertNull(allowIndex(p, request("iam:CreateUser", "*")));
    assertNull(allowIndex(p, request("organizations:ListAccounts", "*")));
  }

  @Test
  void resourcesAndNotResource() {
    CompiledPolicy p = statements("p", """
        {"Effect":"Allow","Action":"s3:*","Resource":["arn:aws:s3:::bucket","arn:aws:s3:::bucket/*"]},
        {"Effect":"Allow","Action":"sqs:*","NotResource":"arn:aws:sqs:*:*:secret-*"}""");
    assertEquals(0, allowIndex(p, request("s3:ListBucket", "arn:aws:s3:::bucket")));
    assertEquals(0, allowIndex(p, request("s3:GetObject", "arn:aws:s3:::bucket/a/b")));
    assertNull(allowIndex(p, request("s3:GetObject", "arn:aws:s3:::bucket2/a")));
    assertEquals(1, allowIndex(p, request("sqs:SendMessage", "arn:aws:sqs:us-east-1:111122223333:q")));
    assertNull(allowIndex(p, request("sqs:SendMessage", "arn:aws:sqs:us-east-1:111122223333:secret-q")));
  }

  @Test
  void resourceVariablesUnder2012() {
    // AWS docs: "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/${aws:username}/*"
    CompiledPolicy p = statements("p", """
        {"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::bucket/${aws:username}/*"},
        {"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::team/${aws:PrincipalTag/team, 'shared'}/*"}""");
    assertEquals(0, allowIndex(p, request("s3:GetObject", "arn:aws:s3:::bucket/alice/x", "aws:username", "alice")));
    assertNull(allowIndex(p, request("s3:GetObject", "arn:aws:s3:::bucket/bob/x", "aws:username", "alice")));
    assertNull(allowIndex(p, request("s3:GetObject", "arn:aws:s3:::bucket//x")), "missing variable does not match");
    assertEquals(1, allowIndex(p, request("s3:GetObject", "arn:aws:s3:::team/shared/x")));
    assertEquals(1, allowIndex(p, request("s3:GetObject", "arn:aws:s3:::team/red/x", "aws:PrincipalTag/Team", "red")));
  }

  @Test
  void variablesAreLiteralUnder2008AndWithoutVersion() {
    for (String version : List.of("\"Version\":\"2008-10-17\",", "")) {
      CompiledPolicy p = compile("p", "{" + version + """
          "Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::bucket/${aws:username}/*"}]}""");
      assertNull(allowIndex(p, request("s3:GetObject", "arn:aws:s3:::bucket/alice/x", "aws:username", "alice")));
      assertEquals(0, allowIndex(p, request("s3:GetObject", "arn:aws:s3:::bucket/${aws:username}/x", "aws:username", "alice")));
    }
  }

  @Test
  void conditionsAreAnded() {
    CompiledPolicy p = statements("p", """
        {"Effect":"Allow","Action":"ec2:*","Resource":"*","Condition":{
          "StringEquals":{"aws:RequestedRegion":["eu-west-1","eu-central-1"],"aws:PrincipalTag/team":"red"},
          "Bool":{"aws:MultiFactorAuthPresent":"true"}}}""");
    assertEquals(0, allowIndex(p, request("ec2:RunInstances", "*", "aws:RequestedRegion", "eu-central-1",
        "aws:PrincipalTag/Team", "red", "aws:MultiFactorAuthPresent", "true")));
    assertNull(allowIndex(p, request("ec2:RunInstances", "*", "aws:RequestedRegion", "eu-central-1",
        "aws:PrincipalTag/team", "red")));
    assertNull(allowIndex(p, request("ec2:RunInstances", "*", "aws:RequestedRegion", "us-east-1",
        "aws:PrincipalTag/team", "red", "aws:MultiFactorAuthPresent", "true")));
  }

  @Test
  void nextMatchWalksEveryMatchInOrder() {
    CompiledPolicy p = statements("p", """
        {"Sid":"A","Effect":"Deny","Action":"s3:*","Resource":"*"},
        {"Sid":"B","Effect":"Allow","Action":"s3:*","Resource":"*"},
        {"Sid":"C","Effect":"Deny","Action":"*","Resource":"arn:aws:s3:::*"},
        {"Sid":"D","Effect":"Deny","Action":"ec2:*","Resource":"*"}""");
    AuthorizationRequest r = request("s3:GetObject", "arn:aws:s3:::b/k");
    CompiledStatement first = p.firstMatch(Effect.DENY, r, false);
    assertEquals("A", first.sid());
    CompiledStatement second = p.nextMatch(Effect.DENY, r, false, first);
    assertEquals("C", second.sid());
    assertNull(p.nextMatch(Effect.DENY, r, false, second));
    assertEquals(List.of(first, second), p.allMatches(Effect.DENY, r, false));
    assertSame(p.statements().get(1), p.firstMatch(Effect.ALLOW, r, false));
  }

  @Test
  void statementWithoutResourceAppliesToAnyResource() {
    CompiledPolicy trust = compile("trust", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
          "Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}]}""");
    assertEquals(0, allowIndex(trust, request("sts:AssumeRole", "arn:aws:iam::111122223333:role/r")));
  }

  @Test
  void indexedMatchingAgreesWithDirectMatching() {
    Random random = new Random(42);
    List<String> services = List.of("s3", "ec2", "iam", "sqs", "dynamodb", "kms", "lambda", "logs");
    List<String> verbs = List.of("Get", "List", "Describe", "Put", "Create", "Delete");
    for (int round = 0; round < 50; round++) {
      StringBuilder json = new StringBuilder();
      int n = 1 + random.nextInt(6);
      for (int i = 0; i < n; i++) {
        List<String> actions = new ArrayList<>();
        int k = 1 + random.nextInt(5);
        for (int j = 0; j < k; j++) {
          String service = random.nextInt(8) == 0 ? "*" : services.get(random.nextInt(services.size()));
          String verb = verbs.get(random.nextInt(verbs.size()));
          actions.add(service + ":" + verb + (random.nextBoolean() ? "*" : "Thing"));
        }
        if (json.length() > 0) {
          json.append(',');
        }
        json.append("{\"Effect\":\"").append(random.nextBoolean() ? "Allow" : "Deny").append("\",\"")
            .append(random.nextInt(5) == 0 ? "NotAction" : "Action").append("\":[\"")
            .append(String.join("\",\"", actions)).append("\"],\"Resource\":\"*\"}");
      }
      CompiledPolicy p = statements("p", json.toString());
      for (String service : services) {
        for (String verb : verbs) {
          for (String suffix : List.of("Thing", "Other")) {
            AuthorizationRequest r = request(service + ":" + verb + suffix, "*");
            for (Effect e : Effect.values()) {
              CompiledStatement expected = p.statements().stream()
                  .filter(s -> s.effect() == e && s.applies(r, false)).findFirst().orElse(null);
              assertSame(expected, p.firstMatch(e, r, false), json + " / " + r.action());
            }
          }
        }
      }
    }
  }
}
