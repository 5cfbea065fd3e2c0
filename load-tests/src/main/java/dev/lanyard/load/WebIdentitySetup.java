package dev.lanyard.load;

import dev.lanyard.load.idp.LoopbackOidcProvider;
import dev.lanyard.proto.iam.v1.AddClientIDToOpenIDConnectProviderRequest;
import dev.lanyard.proto.iam.v1.CreateOpenIDConnectProviderRequest;
import dev.lanyard.proto.iam.v1.CreateRoleRequest;
import dev.lanyard.proto.iam.v1.GetOpenIDConnectProviderRequest;
import dev.lanyard.proto.iam.v1.GetOpenIDConnectProviderResponse;
import dev.lanyard.proto.iam.v1.GetRoleRequest;
import dev.lanyard.proto.iam.v1.IamServiceGrpc;
import dev.lanyard.proto.iam.v1.ListOpenIDConnectProvidersRequest;
import dev.lanyard.proto.iam.v1.OpenIDConnectProviderListEntry;
import dev.lanyard.proto.iam.v1.PutRolePolicyRequest;
import dev.lanyard.proto.iam.v1.UpdateAssumeRolePolicyRequest;
import dev.lanyard.proto.iam.v1.UpdateOpenIDConnectProviderThumbprintRequest;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Creates, or brings up to date, what the web-identity scenario needs, through the IAM API signed
 * with the starting credentials: the generator's IdP registered as an OpenID Connect provider (its
 * URL, client id {@value WebIdentityTokens#CLIENT_ID}, the SHA-1 thumbprint of its certificate),
 * and role {@value #ROLE}, whose trust policy lets that provider's tokens with audience
 * {@value WebIdentityTokens#CLIENT_ID} and subject {@value WebIdentityTokens#SUBJECT} call
 * {@code sts:AssumeRoleWithWebIdentity}, and which may read {@code arn:aws:s3:::load-data}.
 */
final class WebIdentitySetup {
  static final String ROLE = "LanyardLoadWebIdentityRole";

  private WebIdentitySetup() {}

  /** Registers the provider and the role; returns the role's ARN. */
  static String run(IamServiceGrpc.IamServiceBlockingStub iam, LoopbackOidcProvider idp, PrintStream log) {
    String providerArn = provider(iam, idp.url(), idp.material().thumbprint());
    String trust = trustPolicy(providerArn, conditionPrefix(idp.url()));
    boolean created = LoadSetup.ignoreExisting(() -> iam.createRole(CreateRoleRequest.newBuilder().setRoleName(ROLE)
        .setAssumeRolePolicyDocument(trust).setMaxSessionDuration(3600)
        .setDescription("Role assumed with web identity tokens by the Lanyard load generator").build()));
    if (!created) {
      iam.updateAssumeRolePolicy(UpdateAssumeRolePolicyRequest.newBuilder().setRoleName(ROLE)
          .setPolicyDocument(trust).build());
    }
    String roleArn = iam.getRole(GetRoleRequest.newBuilder().setRoleName(ROLE).build()).getRole().getArn();
    iam.putRolePolicy(PutRolePolicyRequest.newBuilder().setRoleName(ROLE).setPolicyName("ReadLoadData")
        .setPolicyDocument(LoadSetup.rolePolicy()).build());
    log.println("setup: OpenID Connect provider " + providerArn + " (client id " + WebIdentityTokens.CLIENT_ID
        + ", thumbprint " + idp.material().thumbprint() + "), role " + roleArn);
    return roleArn;
  }

  /** The provider's ARN, registered now or before; its client id and thumbprint brought up to date. */
  private static String provider(IamServiceGrpc.IamServiceBlockingStub iam, String url, String thumbprint) {
    Optional<String> existing = existingProvider(iam, url);
    if (existing.isEmpty()) {
      return iam.createOpenIDConnectProvider(CreateOpenIDConnectProviderRequest.newBuilder().setUrl(url)
          .addClientIdList(WebIdentityTokens.CLIENT_ID).addThumbprintList(thumbprint).build())
          .getOpenIdConnectProviderArn();
    }
    String arn = existing.get();
    GetOpenIDConnectProviderResponse current = iam.getOpenIDConnectProvider(GetOpenIDConnectProviderRequest.newBuilder()
        .setOpenIdConnectProviderArn(arn).build());
    if (!current.getClientIdListList().contains(WebIdentityTokens.CLIENT_ID)) {
      iam.addClientIDToOpenIDConnectProvider(AddClientIDToOpenIDConnectProviderRequest.newBuilder()
          .setOpenIdConnectProviderArn(arn).setClientId(WebIdentityTokens.CLIENT_ID).build());
    }
    if (!current.getThumbprintListList().equals(List.of(thumbprint))) {
      // A new IdP folder makes a new certificate: pin it, and only it.
      iam.updateOpenIDConnectProviderThumbprint(UpdateOpenIDConnectProviderThumbprintRequest.newBuilder()
          .setOpenIdConnectProviderArn(arn).addThumbprintList(thumbprint).build());
    }
    return arn;
  }

  private static Optional<String> existingProvider(IamServiceGrpc.IamServiceBlockingStub iam, String url) {
    String suffix = ":oidc-provider/" + conditionPrefix(url);
    return iam.listOpenIDConnectProviders(ListOpenIDConnectProvidersRequest.getDefaultInstance())
        .getOpenIdConnectProviderListList().stream().map(OpenIDConnectProviderListEntry::getArn)
        .filter(arn -> arn.endsWith(suffix)).findFirst();
  }

  /** The provider's condition-key prefix and ARN suffix: its URL without {@code https://}, lower-case. */
  static String conditionPrefix(String url) {
    return url.substring("https://".length()).toLowerCase(Locale.ROOT);
  }

  static String trustPolicy(String providerArn, String prefix) {
    return """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"%s"},\
        "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"%s:aud":"%s","%s:sub":"%s"}}}]}"""
        .formatted(providerArn, prefix, WebIdentityTokens.CLIENT_ID, prefix, WebIdentityTokens.SUBJECT);
  }
}
