package dev.lanyard.load.idp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IdP's folder is made once and reused, so that nodes trusting its certificate keep trusting it. */
class IdpDirectoryTest {
  @TempDir Path dir;

  @Test
  void theFirstUseCreatesAnOwnerOnlyKeyStoreAndACaFileThatLaterUsesKeep() throws Exception {
    Path idp = dir.resolve("idp");
    IdpDirectory.Opened first = IdpDirectory.openOrCreate(idp);
    assertTrue(first.created());
    assertEquals(idp.resolve("idp-ca.pem"), first.caFile());
    assertEquals(first.material().certificatePem(), Files.readString(first.caFile()));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(idp.resolve("idp.p12"))));

    IdpDirectory.Opened again = IdpDirectory.openOrCreate(idp);
    assertFalse(again.created());
    assertEquals(first.material().certificate(), again.material().certificate());
    assertEquals(first.material().thumbprint(), again.material().thumbprint());
    assertEquals(first.material().signingKey().toPublicJWK(), again.material().signingKey().toPublicJWK());
  }

  @Test
  void aMissingOrStaleCaFileIsWrittenAgainFromTheKeyStore() throws Exception {
    Path idp = dir.resolve("idp");
    IdpDirectory.Opened first = IdpDirectory.openOrCreate(idp);
    Files.delete(first.caFile());
    assertEquals(first.material().certificatePem(), Files.readString(IdpDirectory.openOrCreate(idp).caFile()));
    Files.writeString(first.caFile(), "stale");
    assertEquals(first.material().certificatePem(), Files.readString(IdpDirectory.openOrCreate(idp).caFile()));
  }

  @Test
  void anotherFolderIsAnotherIdp() throws Exception {
    assertNotEquals(IdpDirectory.openOrCreate(dir.resolve("a")).material().thumbprint(),
        IdpDirectory.openOrCreate(dir.resolve("b")).material().thumbprint());
  }

  @Test
  void aKeyStoreThatIsNotOursIsRefusedSayingWhatToDo() throws Exception {
    Path idp = Files.createDirectories(dir.resolve("idp"));
    Files.writeString(idp.resolve("idp.p12"), "not a key store");
    IOException e = assertThrows(IOException.class, () -> IdpDirectory.openOrCreate(idp));
    assertTrue(e.getMessage().startsWith("--idp-dir: " + idp.resolve("idp.p12") + " is not the load generator's IdP"
        + " key store"), e.getMessage());
    assertTrue(e.getMessage().contains("run --init-idp again"), e.getMessage());
  }

  @Test
  void theProviderServesDiscoveryAndKeysThatVerifyItsTokensOverTlsTrustingItsCertificate() throws Exception {
    IdpMaterial material = IdpDirectory.openOrCreate(dir.resolve("idp")).material();
    try (LoopbackOidcProvider idp = LoopbackOidcProvider.start(material, 0)) {
      HttpClient client = HttpClient.newBuilder().sslContext(material.clientTls()).build();
      String discovery = client.send(HttpRequest.newBuilder(URI.create(idp.url() + "/.well-known/openid-configuration"))
          .build(), HttpResponse.BodyHandlers.ofString()).body();
      assertTrue(discovery.contains("\"issuer\":\"" + idp.url() + "\""), discovery);
      JWKSet keys = JWKSet.parse(client.send(HttpRequest.newBuilder(URI.create(idp.url() + "/jwks")).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      assertEquals(1, keys.getKeys().size());
      assertFalse(keys.getKeys().get(0).isPrivate(), "the JWKS publishes the public key only");

      SignedJWT one = SignedJWT.parse(idp.token("alice", "aud-1", Instant.now(), Duration.ofMinutes(5)));
      SignedJWT two = SignedJWT.parse(idp.token("alice", "aud-1", Instant.now(), Duration.ofMinutes(5)));
      assertTrue(one.verify(new RSASSAVerifier(keys.getKeys().get(0).toRSAKey())));
      assertEquals(keys.getKeys().get(0).getKeyID(), one.getHeader().getKeyID());
      assertEquals(idp.url(), one.getJWTClaimsSet().getIssuer());
      assertNotEquals(one.getJWTClaimsSet().getJWTID(), two.getJWTClaimsSet().getJWTID(), "every token its own jti");
    }
  }

  @Test
  void aPortInUseIsNamed() throws Exception {
    IdpMaterial material = IdpMaterial.generate(Duration.ofDays(1));
    try (LoopbackOidcProvider first = LoopbackOidcProvider.start(material, 0)) {
      int port = URI.create(first.url()).getPort();
      IOException e = assertThrows(IOException.class, () -> LoopbackOidcProvider.start(material, port));
      assertTrue(e.getMessage().startsWith("--idp-port: cannot listen on 127.0.0.1:" + port), e.getMessage());
    }
  }
}
