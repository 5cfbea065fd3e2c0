package dev.lanyard.sts.iam;

import dev.lanyard.proto.iam.v1.CreateSAMLProviderRequest;
import dev.lanyard.proto.iam.v1.CreateSAMLProviderResponse;
import dev.lanyard.proto.iam.v1.DeleteSAMLProviderRequest;
import dev.lanyard.proto.iam.v1.DeleteSAMLProviderResponse;
import dev.lanyard.proto.iam.v1.GetSAMLProviderRequest;
import dev.lanyard.proto.iam.v1.GetSAMLProviderResponse;
import dev.lanyard.proto.iam.v1.ListSAMLProvidersRequest;
import dev.lanyard.proto.iam.v1.ListSAMLProvidersResponse;
import dev.lanyard.proto.iam.v1.SAMLProviderListEntry;
import dev.lanyard.proto.iam.v1.UpdateSAMLProviderRequest;
import dev.lanyard.proto.iam.v1.UpdateSAMLProviderResponse;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.federation.saml.SamlMetadata;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.IamInput;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.model.NewSamlProvider;
import dev.lanyard.sts.store.model.SamlProvider;
import dev.lanyard.sts.store.model.Tag;
import java.time.Instant;
import java.util.List;

/** SAML 2.0 provider records: a name and the IdP's metadata document (checked by {@link SamlMetadata}). */
final class SamlProviderOperations {
  /** AWS's least length of a SAMLMetadataDocument. */
  static final int MIN_METADATA_LENGTH = 1000;

  private final IamStore store;
  private final IamTargets targets;
  private final StoreVersionTracker versions;

  SamlProviderOperations(IamStore store, IamTargets targets, StoreVersionTracker versions) {
    this.store = store;
    this.targets = targets;
    this.versions = versions;
  }

  CreateSAMLProviderResponse createSamlProvider(Caller caller, CreateSAMLProviderRequest r) {
    String name = IamValidation.required("name", r.getName(), "1 to 128 characters of letters, digits and ._-");
    IamInput.samlProviderName("name", name);
    List<Tag> tags = IamValidation.tags("tags", r.getTagsList());
    Instant validUntil = validatedMetadata(r.getSamlMetadataDocument());
    targets.access().require(caller, "CreateSAMLProvider", targets.arns().samlProvider(caller.accountId(), name),
        ConditionKeys.of().tags(tags).map());
    SamlProvider p = store.samlProviders().create(caller.accountId(),
        new NewSamlProvider(name, r.getSamlMetadataDocument(), validUntil, tags));
    versions.refresh();
    return CreateSAMLProviderResponse.newBuilder().setSamlProviderArn(p.arn())
        .addAllTags(IamProtoMapping.tags(p.tags())).build();
  }

  UpdateSAMLProviderResponse updateSamlProvider(Caller caller, UpdateSAMLProviderRequest r) {
    Instant validUntil = validatedMetadata(r.getSamlMetadataDocument());
    SamlProvider p = provider(caller, "UpdateSAMLProvider", r.getSamlProviderArn());
    store.samlProviders().updateMetadata(p.arn(), r.getSamlMetadataDocument(), validUntil);
    versions.refresh();
    return UpdateSAMLProviderResponse.newBuilder().setSamlProviderArn(p.arn()).build();
  }

  GetSAMLProviderResponse getSamlProvider(Caller caller, GetSAMLProviderRequest r) {
    SamlProvider p = provider(caller, "GetSAMLProvider", r.getSamlProviderArn());
    var b = GetSAMLProviderResponse.newBuilder().setSamlMetadataDocument(p.metadataDocument())
        .setCreateDate(IamProtoMapping.time(p.createDate())).addAllTags(IamProtoMapping.tags(p.tags()));
    if (p.validUntil() != null) {
      b.setValidUntil(IamProtoMapping.time(p.validUntil()));
    }
    return b.build();
  }

  ListSAMLProvidersResponse listSamlProviders(Caller caller, ListSAMLProvidersRequest r) {
    targets.access().require(caller, "ListSAMLProviders", targets.arns().all(caller.accountId(), "saml-provider"));
    var b = ListSAMLProvidersResponse.newBuilder();
    for (SamlProvider p : store.samlProviders().list(caller.accountId())) {
      var e = SAMLProviderListEntry.newBuilder().setArn(p.arn()).setCreateDate(IamProtoMapping.time(p.createDate()));
      if (p.validUntil() != null) {
        e.setValidUntil(IamProtoMapping.time(p.validUntil()));
      }
      b.addSamlProviderList(e);
    }
    return b.build();
  }

  DeleteSAMLProviderResponse deleteSamlProvider(Caller caller, DeleteSAMLProviderRequest r) {
    SamlProvider p = provider(caller, "DeleteSAMLProvider", r.getSamlProviderArn());
    store.samlProviders().delete(p.arn());
    versions.refresh();
    return DeleteSAMLProviderResponse.getDefaultInstance();
  }

  /**
   * Checks the metadata document's length as AWS does (ValidationError), then parses it exactly as
   * AssumeRoleWithSAML will ({@link SamlMetadata}: hardened XML, an EntityDescriptor with an
   * entityID and 1 to 10 usable signing certificates; InvalidInput otherwise), so that a provider
   * registered here can verify assertions. Returns its {@code validUntil}, or null.
   */
  private static Instant validatedMetadata(String xml) {
    String field = "saml_metadata_document";
    IamValidation.required(field, xml, "SAML 2.0 IdP metadata XML of " + MIN_METADATA_LENGTH + " to "
        + IamInput.SAML_METADATA_MAX + " characters");
    if (xml.length() < MIN_METADATA_LENGTH || xml.length() > IamInput.SAML_METADATA_MAX) {
      throw IamValidation.invalid(field, "has " + xml.length() + " characters",
          MIN_METADATA_LENGTH + " to " + IamInput.SAML_METADATA_MAX + " characters of SAML 2.0 IdP metadata XML");
    }
    return SamlMetadata.parse(xml).validUntil().orElse(null);
  }

  private SamlProvider provider(Caller caller, String action, String arn) {
    IamValidation.arn("saml_provider_arn", arn);
    targets.access().require(caller, action, arn);
    return store.samlProviders().get(arn).filter(p -> p.accountId().equals(caller.accountId()))
        .orElseThrow(() -> new LanyardException(AwsErrorCode.NoSuchEntity,
            "SAML provider not found for arn " + arn, false));
  }
}
