package dev.lanyard.sts.federation.saml;

import dev.lanyard.sts.crypto.KeyEncryptionKey;
import dev.lanyard.sts.crypto.SecretSealer;
import dev.lanyard.sts.keys.MutableClock;
import dev.lanyard.sts.store.jdbc.JdbcIamStore;
import dev.lanyard.sts.store.jdbc.JdbcStoreConfig;
import dev.lanyard.sts.store.model.NewSamlProvider;
import dev.lanyard.sts.store.model.SamlProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.w3c.dom.Document;

/**
 * A real H2 store holding one account and one SAML provider registered from a test IdP's metadata,
 * a hand-moved clock, and the verifier under test.
 */
final class SamlFixture implements AutoCloseable {
  static final String ISSUER = "https://sts.lanyard.test";
  /** Two RSA IdPs made once per JVM: the trusted one, and an attacker claiming the same entity id. */
  static final TestSamlIdp IDP = TestSamlIdp.rsa("https://idp.example.test/saml");
  static final TestSamlIdp ATTACKER = TestSamlIdp.rsa("https://idp.example.test/saml");

  final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
  final Path dataDir;
  final JdbcIamStore store;
  final String account;
  final SamlProvider provider;
  final String roleArn;
  final TestSamlIdp idp;
  final SamlResponseVerifier verifier;

  SamlFixture(TestSamlIdp idp) {
    this.idp = idp;
    SecureRandom random = new SecureRandom();
    try {
      dataDir = Files.createTempDirectory("lanyard-saml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    store = JdbcIamStore.open(JdbcStoreConfig.embedded(dataDir),
        new SecretSealer(KeyEncryptionKey.generate(random), random), clock, random);
    account = store.accounts().create(null).id();
    provider = store.samlProviders().create(account, new NewSamlProvider("CorpIdP", idp.metadata(), null, List.of()));
    roleArn = "arn:aws:iam::" + account + ":role/SamlAdmins";
    verifier = new SamlResponseVerifier(store, SamlVerifierSettings.forIssuer(ISSUER), clock);
  }

  /** A valid response spec for now, granting {@link #roleArn} through the provider. */
  ResponseSpec spec() {
    return new ResponseSpec(clock.instant(), roleArn, provider.arn());
  }

  /** A Response with an Assertion signed by the trusted IdP. */
  Document signedAssertion(ResponseSpec spec) {
    Document doc = idp.response(spec);
    idp.signAssertion(doc);
    return doc;
  }

  VerifiedSamlAssertion verify(String encoded) {
    return verifier.verify(encoded, roleArn, provider.arn());
  }

  VerifiedSamlAssertion verify(Document doc) {
    return verify(TestSamlIdp.encode(doc));
  }

  @Override
  public void close() {
    store.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
