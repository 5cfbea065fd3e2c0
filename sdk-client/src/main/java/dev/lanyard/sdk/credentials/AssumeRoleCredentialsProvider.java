package dev.lanyard.sdk.credentials;

import dev.lanyard.proto.sts.v1.AssumeRoleRequest;
import dev.lanyard.sdk.client.LanyardClient;
import dev.lanyard.sdk.client.LanyardClientFactory;
import dev.lanyard.sdk.client.LanyardServiceException;
import dev.lanyard.sdk.client.StsCredentials;
import java.util.Objects;

/**
 * Role credentials from {@code AssumeRole}, called through a {@link LanyardClient} signed with the
 * source credentials. When the request names an MFA device ({@code serial_number}), the token code
 * is asked of the {@link MfaTokenCodeSupplier} on every call. Each {@link #resolve()} calls STS; put
 * a cache in front.
 */
public final class AssumeRoleCredentialsProvider implements CredentialsProvider {
  private final LazyClient client;
  private final AssumeRoleRequest request;
  private final MfaTokenCodeSupplier mfa;

  private AssumeRoleCredentialsProvider(LazyClient client, AssumeRoleRequest request, MfaTokenCodeSupplier mfa) {
    this.client = client;
    this.request = Objects.requireNonNull(request, "request");
    this.mfa = mfa;
    if (request.getRoleArn().isEmpty()) {
      throw new IllegalArgumentException("role_arn: is required for AssumeRole");
    }
    if (request.getRoleSessionName().isEmpty()) {
      throw new IllegalArgumentException("role_session_name: is required for AssumeRole");
    }
  }

  /**
   * Calls STS through a client built by {@code clients}, signed with {@code source}; closing this
   * provider closes that client and {@code source}.
   *
   * @param mfa asked for the token code when the request has a serial number; may be {@code null}
   */
  public static AssumeRoleCredentialsProvider create(
      LanyardClientFactory clients, CredentialsProvider source, AssumeRoleRequest request, MfaTokenCodeSupplier mfa) {
    return new AssumeRoleCredentialsProvider(
        new LazyClient(clients, Objects.requireNonNull(source, "source")), request, mfa);
  }

  @Override
  public Credentials resolve() {
    String source = "AssumeRole " + request.getRoleArn();
    AssumeRoleRequest call = request;
    if (!request.getSerialNumber().isEmpty()) {
      if (mfa == null) {
        throw new CredentialsUnavailableException(source + ": mfa_serial is set but no MFA token-code callback was given");
      }
      String code = mfa.tokenCode(request.getSerialNumber());
      if (code == null || !code.strip().matches("\\d{6}")) {
        throw new CredentialsUnavailableException(source + ": the MFA token code must be six digits");
      }
      call = request.toBuilder().setTokenCode(code.strip()).build();
    }
    try {
      return StsCredentials.fromProto(client.get(source).assumeRole(call).getCredentials());
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
    return "AssumeRoleCredentialsProvider[" + request.getRoleArn() + "]";
  }
}
