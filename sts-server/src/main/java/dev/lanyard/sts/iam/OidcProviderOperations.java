package dev.lanyard.sts.iam;

import dev.lanyard.proto.iam.v1.AddClientIDToOpenIDConnectProviderRequest;
import dev.lanyard.proto.iam.v1.AddClientIDToOpenIDConnectProviderResponse;
import dev.lanyard.proto.iam.v1.CreateOpenIDConnectProviderRequest;
import dev.lanyard.proto.iam.v1.CreateOpenIDConnectProviderResponse;
import dev.lanyard.proto.iam.v1.DeleteOpenIDConnectProviderRequest;
import dev.lanyard.proto.iam.v1.DeleteOpenIDConnectProviderResponse;
import dev.lanyard.proto.iam.v1.GetOpenIDConnectProviderRequest;
import dev.lanyard.proto.iam.v1.GetOpenIDConnectProviderResponse;
import dev.lanyard.proto.iam.v1.ListOpenIDConnectProvidersRequest;
import dev.lanyard.proto.iam.v1.ListOpenIDConnectProvidersResponse;
import dev.lanyard.proto.iam.v1.OpenIDConnectProviderListEntry;
import dev.lanyard.proto.iam.v1.RemoveClientIDFromOpenIDConnectProviderRequest;
import dev.lanyard.proto.iam.v1.RemoveClientIDFromOpenIDConnectProviderResponse;
import dev.lanyard.proto.iam.v1.TagOpenIDConnectProviderRequest;
import dev.lanyard.proto.iam.v1.TagOpenIDConnectProviderResponse;
import dev.lanyard.proto.iam.v1.UntagOpenIDConnectProviderRequest;
import dev.lanyard.proto.iam.v1.UntagOpenIDConnectProviderResponse;
import dev.lanyard.proto.iam.v1.UpdateOpenIDConnectProviderThumbprintRequest;
import dev.lanyard.proto.iam.v1.UpdateOpenIDConnectProviderThumbprintResponse;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.IamInput;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.model.NewOidcProvider;
import dev.lanyard.sts.store.model.OidcProvider;
import dev.lanyard.sts.store.model.Tag;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * OpenID Connect provider records: an https issuer URL (host, optional port and path, no query or
 * fragment), up to 100 client ids of up to 255 characters, up to 5 SHA-1 thumbprints.
 */
final class OidcProviderOperations {
  private final IamStore store;
  private final IamTargets targets;
  private final StoreVersionTracker versions;

  OidcProviderOperations(IamStore store, IamTargets targets, StoreVersionTracker versions) {
    this.store = store;
    this.targets = targets;
    this.versions = versions;
  }

  CreateOpenIDConnectProviderResponse createOpenIdConnectProvider(Caller caller,
      CreateOpenIDConnectProviderRequest r) {
    String url = issuerUrl("url", r.getUrl());
    List<String> clientIds = IamInput.oidcClientIds("client_id_list", r.getClientIdListList());
    List<String> thumbprints = IamInput.thumbprints("thumbprint_list", r.getThumbprintListList());
    List<Tag> tags = IamValidation.tags("tags", r.getTagsList());
    targets.access().require(caller, "CreateOpenIDConnectProvider",
        targets.arns().oidcProvider(caller.accountId(), url), ConditionKeys.of().tags(tags).map());
    OidcProvider p = store.oidcProviders().create(caller.accountId(),
        new NewOidcProvider(url, clientIds, thumbprints, tags));
    versions.refresh();
    return CreateOpenIDConnectProviderResponse.newBuilder().setOpenIdConnectProviderArn(p.arn())
        .addAllTags(IamProtoMapping.tags(p.tags())).build();
  }

  GetOpenIDConnectProviderResponse getOpenIdConnectProvider(Caller caller, GetOpenIDConnectProviderRequest r) {
    OidcProvider p = provider(caller, "GetOpenIDConnectProvider", r.getOpenIdConnectProviderArn());
    String url = p.url().regionMatches(true, 0, "https://", 0, 8) ? p.url().substring(8) : p.url();
    return GetOpenIDConnectProviderResponse.newBuilder().setUrl(url).addAllClientIdList(p.clientIds())
        .addAllThumbprintList(p.thumbprints()).setCreateDate(IamProtoMapping.time(p.createDate()))
        .addAllTags(IamProtoMapping.tags(p.tags())).build();
  }

  ListOpenIDConnectProvidersResponse listOpenIdConnectProviders(Caller caller, ListOpenIDConnectProvidersRequest r) {
    targets.access().require(caller, "ListOpenIDConnectProviders",
        targets.arns().all(caller.accountId(), "oidc-provider"));
    var b = ListOpenIDConnectProvidersResponse.newBuilder();
    store.oidcProviders().list(caller.accountId())
        .forEach(p -> b.addOpenIdConnectProviderList(OpenIDConnectProviderListEntry.newBuilder().setArn(p.arn())));
    return b.build();
  }

  DeleteOpenIDConnectProviderResponse deleteOpenIdConnectProvider(Caller caller,
      DeleteOpenIDConnectProviderRequest r) {
    OidcProvider p = provider(caller, "DeleteOpenIDConnectProvider", r.getOpenIdConnectProviderArn());
    store.oidcProviders().delete(p.arn());
    versions.refresh();
    return DeleteOpenIDConnectProviderResponse.getDefaultInstance();
  }

  AddClientIDToOpenIDConnectProviderResponse addClientIdToOpenIdConnectProvider(Caller caller,
      AddClientIDToOpenIDConnectProviderRequest r) {
    String clientId = clientId(r.getClientId());
    OidcProvider p = provider(caller, "AddClientIDToOpenIDConnectProvider", r.getOpenIdConnectProviderArn());
    store.oidcProviders().addClientId(p.arn(), clientId);
    versions.refresh();
    return AddClientIDToOpenIDConnectProviderResponse.getDefaultInstance();
  }

  RemoveClientIDFromOpenIDConnectProviderResponse removeClientIdFromOpenIdConnectProvider(Caller caller,
      RemoveClientIDFromOpenIDConnectProviderRequest r) {
    String clientId = clientId(r.getClientId());
    OidcProvider p = provider(caller, "RemoveClientIDFromOpenIDConnectProvider", r.getOpenIdConnectProviderArn());
    store.oidcProviders().removeClientId(p.arn(), clientId);
    versions.refresh();
    return RemoveClientIDFromOpenIDConnectProviderResponse.getDefaultInstance();
  }

  UpdateOpenIDConnectProviderThumbprintResponse updateOpenIdConnectProviderThumbprint(Caller caller,
      UpdateOpenIDConnectProviderThumbprintRequest r) {
    List<String> thumbprints = IamInput.thumbprints("thumbprint_list", r.getThumbprintListList());
    OidcProvider p = provider(caller, "UpdateOpenIDConnectProviderThumbprint", r.getOpenIdConnectProviderArn());
    store.oidcProviders().updateThumbprints(p.arn(), thumbprints);
    versions.refresh();
    return UpdateOpenIDConnectProviderThumbprintResponse.getDefaultInstance();
  }

  TagOpenIDConnectProviderResponse tagOpenIdConnectProvider(Caller caller, TagOpenIDConnectProviderRequest r) {
    List<Tag> tags = IamValidation.tags("tags", r.getTagsList());
    if (tags.isEmpty()) {
      throw IamValidation.invalid("tags", "is empty", "1 to 50 tags");
    }
    OidcProvider p = provider(caller, "TagOpenIDConnectProvider", r.getOpenIdConnectProviderArn());
    store.oidcProviders().tag(p.arn(), tags);
    versions.refresh();
    return TagOpenIDConnectProviderResponse.getDefaultInstance();
  }

  UntagOpenIDConnectProviderResponse untagOpenIdConnectProvider(Caller caller,
      UntagOpenIDConnectProviderRequest r) {
    List<String> keys = IamValidation.tagKeys("tag_keys", r.getTagKeysList());
    OidcProvider p = provider(caller, "UntagOpenIDConnectProvider", r.getOpenIdConnectProviderArn());
    store.oidcProviders().untag(p.arn(), keys);
    versions.refresh();
    return UntagOpenIDConnectProviderResponse.getDefaultInstance();
  }

  private OidcProvider provider(Caller caller, String action, String arn) {
    IamValidation.arn("open_id_connect_provider_arn", arn);
    targets.access().require(caller, action, arn);
    return store.oidcProviders().get(arn).filter(p -> p.accountId().equals(caller.accountId()))
        .orElseThrow(() -> new LanyardException(AwsErrorCode.NoSuchEntity,
            "OpenIDConnect Provider not found for arn " + arn, false));
  }

  private static String clientId(String value) {
    IamValidation.required("client_id", value, "1 to 255 characters");
    if (value.length() > 255) {
      throw IamValidation.invalid("client_id", "has " + value.length() + " characters", "1 to 255 characters");
    }
    return value;
  }

  /** An https issuer URL with a host, an optional port and path, and no user info, query or fragment. */
  static String issuerUrl(String field, String value) {
    IamValidation.required(field, value, "an https URL such as https://token.example.com/path");
    IamInput.oidcUrl(field, value);
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw IamValidation.invalid(field, "is not a URL", "an https URL such as https://token.example.com/path");
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null
        || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw IamValidation.invalid(field, "is not accepted",
          "an https URL with a host, optional port and path, and no user info, query or fragment");
    }
    return value;
  }
}
