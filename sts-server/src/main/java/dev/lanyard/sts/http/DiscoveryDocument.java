package dev.lanyard.sts.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OpenID-style discovery document beside the JWKS, so that standard JWT libraries can find the
 * keys that verify Lanyard session tokens from the issuer URL alone.
 */
public final class DiscoveryDocument {
  public static final String JWKS_PATH = "/.well-known/jwks.json";
  public static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

  private DiscoveryDocument() {}

  public static String json(String issuer) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode doc = mapper.createObjectNode();
    doc.put("issuer", issuer);
    doc.put("jwks_uri", issuer + JWKS_PATH);
    doc.putArray("id_token_signing_alg_values_supported").add("EdDSA").add("ES256");
    doc.putArray("response_types_supported").add("id_token");
    doc.putArray("subject_types_supported").add("public");
    doc.putArray("claims_supported").add("iss").add("sub").add("aud").add("exp").add("iat")
        .add("nbf").add("jti");
    return doc.toString();
  }
}
