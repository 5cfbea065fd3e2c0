package dev.lanyard.sdk.credentials;

import dev.lanyard.proto.sts.v1.AssumeRoleWithWebIdentityRequest;
import dev.lanyard.sdk.client.LanyardClientFactory;
import dev.lanyard.sdk.client.LanyardServiceException;
import dev.lanyard.sdk.client.StsCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Role credentials from {@code AssumeRoleWithWebIdentity} (unsigned: the OIDC token is the proof),
 * with the token read from a file on every call so that a rotated token is picked up. The token is
 * never shown in an error. Each {@link #resolve()} calls STS; put a cache in front.
 */
public final class WebIdentityCredentialsProvider implements CredentialsProvider {
  private final LazyClient client;
  private final Path tokenFile;
  private final AssumeRoleWithWebIdentityRequest template;

  /**
   * @param clients builds the (unsigned) client; closing this provider closes it
   * @param tokenFile the file holding the OIDC token (e.g. {@code AWS_WEB_IDENTITY_TOKEN_FILE})
   * @param template role ARN, session name and the other fields; its token is replaced
   */
  public WebIdentityCredentialsProvider(
      LanyardClientFactory clients, Path tokenFile, AssumeRoleWithWebIdentityRequest template) {
    this.client = new LazyClient(clients, null);
    this.tokenFile = Objects.requireNonNull(tokenFile, "tokenFile");
    this.template = Objects.requireNonNull(template, "template");
    if (template.getRoleArn().isEmpty()) {
      throw new IllegalArgumentException("role_arn: is required with web_identity_token_file");
    }
    if (template.getRoleSessionName().isEmpty()) {
      throw new IllegalArgumentException("role_session_name: is required for AssumeRoleWithWebIdentity");
    }
  }

  @Override
  public Credentials resolve() {
    String source = "AssumeRoleWithWebIdentity " + template.getRoleArn();
    String token;
    try {
      token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new CredentialsUnavailableException(
          source + ": cannot read the web identity token file " + tokenFile + ": " + e.getClass().getSimpleName(), e);
    }
    if (token.isEmpty()) {
      throw new CredentialsUnavailableException(source + ": the web identity token file " + tokenFile + " is empty");
    }
    AssumeRoleWithWebIdentityRequest request = template.toBuilder().setWebIdentityToken(token).build();
    try {
      return StsCredentials.fromProto(client.get(source).assumeRoleWithWebIdentity(request).getCredentials());
    } catch (LanyardServiceException | IllegalArgumentException e) {
      throw new CredentialsUnavailableException(source + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "WebIdentityCredentialsProvider[" + template.getRoleArn() + ", " + tokenFile + "]";
  }
}
