package dev.lanyard.sts.federation.saml;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.XMLStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import org.w3c.dom.Element;

/**
 * Verifies one enveloped XML signature over exactly the element that holds it, with a key from the
 * provider's metadata. The signature must use exclusive canonicalisation, RSA or ECDSA with SHA-256,
 * SHA-384 or SHA-512 (SHA-1 is refused), one Reference to {@code #<ID of the parent>} digested with
 * SHA-2 and transformed only by enveloped-signature and exclusive canonicalisation. Validation runs
 * with the JDK's secure validation. An embedded certificate only chooses among trusted ones.
 */
final class XmlSignatureCheck {
  static final Set<String> SIGNATURE_METHODS = Set.of(SignatureMethod.RSA_SHA256, SignatureMethod.RSA_SHA384,
      SignatureMethod.RSA_SHA512, SignatureMethod.ECDSA_SHA256, SignatureMethod.ECDSA_SHA384,
      SignatureMethod.ECDSA_SHA512);
  static final Set<String> DIGEST_METHODS = Set.of(DigestMethod.SHA256, DigestMethod.SHA384, DigestMethod.SHA512);
  private static final String SECURE_VALIDATION = "org.jcp.xml.dsig.secureValidation";
  private static final String ACCEPTED_ALGORITHMS = "accepted: RSA-SHA256/384/512 or ECDSA-SHA256/384/512";

  private static final KeySelector NO_KEY = new KeySelector() {
    @Override
    public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
        XMLCryptoContext context) throws KeySelectorException {
      throw new KeySelectorException("no key is chosen while the signature is inspected");
    }
  };

  private final List<X509Certificate> trusted;

  XmlSignatureCheck(List<X509Certificate> trusted) {
    this.trusted = List.copyOf(trusted);
  }

  /**
   * Verifies {@code signature}, a direct child of {@code signed}, whose {@code ID} the caller has
   * registered as the document's only element with that ID.
   *
   * @param what "Response" or "Assertion", for messages
   */
  void verify(Element signed, Element signature, String what) {
    String id = signed.getAttribute("ID");
    if (id.isEmpty() || signed.getOwnerDocument().getElementById(id) != signed) {
      throw SamlRefusal.invalid("the signed " + what + " has no unique ID attribute");
    }
    XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
    XMLSignature unmarshalled = inspect(factory, signature, what);
    checkAlgorithms(unmarshalled.getSignedInfo(), id, what);
    String method = unmarshalled.getSignedInfo().getSignatureMethod().getAlgorithm();
    for (X509Certificate candidate : candidates(unmarshalled.getKeyInfo(), what)) {
      PublicKey key = candidate.getPublicKey();
      if (!fits(key, method)) {
        continue;
      }
      DOMValidateContext context = context(KeySelector.singletonKeySelector(key), signature);
      try {
        if (factory.unmarshalXMLSignature(context).validate(context)) {
          return;
        }
      } catch (MarshalException | XMLSignatureException e) {
        // this key did not verify it; try the next trusted one
      }
    }
    throw SamlRefusal.invalid("the " + what + " signature does not verify with any signing certificate in the"
        + " provider's metadata");
  }

  /**
   * Reads the signature's structure without validating it and without secure validation's algorithm
   * policy (on by default since JDK 17), so that a refused algorithm gets a precise message. Nothing
   * is dereferenced or verified here; {@link #verify} validates only with secure validation on.
   */
  private static XMLSignature inspect(XMLSignatureFactory factory, Element signature, String what) {
    try {
      DOMValidateContext structureOnly = new DOMValidateContext(NO_KEY, signature);
      structureOnly.setProperty(SECURE_VALIDATION, Boolean.FALSE);
      return factory.unmarshalXMLSignature(structureOnly);
    } catch (MarshalException | RuntimeException e) {
      throw SamlRefusal.invalid("the " + what + " ds:Signature is malformed or uses a refused feature");
    }
  }

  private static DOMValidateContext context(KeySelector selector, Element signature) {
    DOMValidateContext context = new DOMValidateContext(selector, signature);
    context.setProperty(SECURE_VALIDATION, Boolean.TRUE);
    return context;
  }

  private static void checkAlgorithms(SignedInfo info, String id, String what) {
    String prefix = "the " + what + " signature ";
    if (!CanonicalizationMethod.EXCLUSIVE.equals(info.getCanonicalizationMethod().getAlgorithm())) {
      throw SamlRefusal.invalid(prefix + "uses canonicalization " + info.getCanonicalizationMethod().getAlgorithm()
          + "; accepted: exclusive XML canonicalization " + CanonicalizationMethod.EXCLUSIVE);
    }
    String method = info.getSignatureMethod().getAlgorithm();
    if (!SIGNATURE_METHODS.contains(method)) {
      throw SamlRefusal.invalid(prefix + "uses SignatureMethod " + method + "; " + ACCEPTED_ALGORITHMS
          + " (SHA-1 is refused)");
    }
    List<?> references = info.getReferences();
    if (references.size() != 1) {
      throw SamlRefusal.invalid(prefix + "has " + references.size() + " References; exactly one is accepted");
    }
    Reference reference = (Reference) references.get(0);
    if (!("#" + id).equals(reference.getURI())) {
      throw SamlRefusal.invalid(prefix + "does not reference the element that holds it; its Reference URI must be"
          + " #<ID of the signed " + what + ">");
    }
    String digest = reference.getDigestMethod().getAlgorithm();
    if (!DIGEST_METHODS.contains(digest)) {
      throw SamlRefusal.invalid(prefix + "uses DigestMethod " + digest + "; accepted: SHA-256, SHA-384 or SHA-512"
          + " (SHA-1 is refused)");
    }
    boolean enveloped = false;
    int canonical = 0;
    for (Object t : reference.getTransforms()) {
      String algorithm = ((Transform) t).getAlgorithm();
      if (Transform.ENVELOPED.equals(algorithm) && !enveloped) {
        enveloped = true;
      } else if (CanonicalizationMethod.EXCLUSIVE.equals(algorithm) && canonical == 0) {
        canonical++;
      } else {
        throw SamlRefusal.invalid(prefix + "uses transform " + algorithm
            + "; accepted: enveloped-signature and exclusive canonicalization, each at most once");
      }
    }
    if (!enveloped) {
      throw SamlRefusal.invalid(prefix + "lacks the enveloped-signature transform; the signature must be enveloped"
          + " in the element it signs");
    }
  }

  /** The trusted certificates to try: those the KeyInfo names, or all of them when it names none. */
  private List<X509Certificate> candidates(KeyInfo keyInfo, String what) {
    List<X509Certificate> embedded = new ArrayList<>();
    if (keyInfo != null) {
      for (Object item : keyInfo.getContent()) {
        if (item instanceof X509Data data) {
          for (Object entry : data.getContent()) {
            if (entry instanceof X509Certificate cert) {
              embedded.add(cert);
            }
          }
        } else if (!(item instanceof XMLStructure)) {
          throw SamlRefusal.invalid("the " + what + " signature's KeyInfo is malformed");
        }
      }
    }
    if (embedded.isEmpty()) {
      return trusted;
    }
    List<X509Certificate> chosen = embedded.stream().filter(trusted::contains).toList();
    if (chosen.isEmpty()) {
      throw SamlRefusal.invalid("the " + what + " is signed with a certificate that is not in the provider's"
          + " metadata; accepted: a signing certificate from the IdP metadata registered with the SAML provider");
    }
    return chosen;
  }

  private static boolean fits(PublicKey key, String signatureMethod) {
    boolean ecdsa = signatureMethod.contains("ecdsa");
    return ecdsa ? key instanceof ECPublicKey : key instanceof RSAPublicKey;
  }
}
