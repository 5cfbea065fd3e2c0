package dev.lanyard.sts.federation.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SamlMetadataTest {
  private static final TestSamlIdp IDP = SamlFixture.IDP;
  private static final TestSamlIdp OTHER = SamlFixture.ATTACKER;

  private static void invalid(String xml, String reason) {
    LanyardException e = assertThrows(LanyardException.class, () -> SamlMetadata.parse(xml));
    assertEquals(AwsErrorCode.InvalidInput, e.code());
    assertTrue(e.getMessage().contains(reason), e::getMessage);
  }

  @Test
  void readsTheEntityIdAndSigningCertificates() {
    SamlMetadata metadata = SamlMetadata.parse(IDP.metadata(IDP.certificate, OTHER.certificate));
    assertEquals(IDP.entityId, metadata.entityId());
    assertEquals(List.of(IDP.certificate, OTHER.certificate), metadata.signingCertificates());
    assertTrue(metadata.validUntil().isEmpty());
  }

  @Test
  void encryptionKeysAreIgnoredAndKeysWithoutUseAreSigningKeys() {
    String xml = IDP.metadata(IDP.certificate)
        .replace("use=\"signing\"", "use=\"encryption\"")
        .replace("<md:SingleSignOnService", "<md:KeyDescriptor><ds:KeyInfo><ds:X509Data><ds:X509Certificate>"
            + TestSamlIdp.base64(OTHER.certificate) + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo>"
            + "</md:KeyDescriptor><md:SingleSignOnService");
    assertEquals(List.of(OTHER.certificate), SamlMetadata.parse(xml).signingCertificates());
  }

  @Test
  void readsValidUntil() {
    String xml = IDP.metadata().replace("entityID=", "validUntil=\"2030-01-01T00:00:00Z\" entityID=");
    assertEquals(Instant.parse("2030-01-01T00:00:00Z"), SamlMetadata.parse(xml).validUntil().orElseThrow());
  }

  @Test
  void noSigningCertificateIsRefused() {
    invalid(IDP.metadata().replace("use=\"signing\"", "use=\"encryption\""), "no signing certificate");
  }

  @Test
  void duplicateCertificatesCollapseAndMoreThanTenAreRefused() {
    List<X509Certificate> many = Collections.nCopies(11, IDP.certificate);
    // duplicates collapse, so eleven copies are one certificate
    assertEquals(1, SamlMetadata.parse(IDP.metadata(many.toArray(new X509Certificate[0])))
        .signingCertificates().size());
    assertThrows(LanyardException.class, () -> new SamlMetadata(IDP.entityId,
        Collections.nCopies(11, IDP.certificate), Optional.empty()));
  }

  @Test
  void aBrokenCertificateIsRefused() {
    invalid(IDP.metadata().replaceFirst("<ds:X509Certificate>MII", "<ds:X509Certificate>!!"), "X.509");
  }

  @Test
  void aMissingEntityIdIsRefused() {
    invalid(IDP.metadata().replace("entityID=\"" + IDP.entityId + "\"", ""), "entityID");
  }

  @Test
  void aDtdInMetadataIsRefused() {
    invalid("<!DOCTYPE md:EntityDescriptor>" + IDP.metadata(), "DTD");
  }

  @Test
  void aWrongRootIsRefused() {
    invalid("<EntityDescriptor entityID=\"x\"/>", "EntityDescriptor");
  }
}
