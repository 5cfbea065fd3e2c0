package dev.lanyard.sdk.client;

import dev.lanyard.sdk.credentials.CredentialsProvider;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** Makes the clients that credential providers call STS with. */
@FunctionalInterface
public interface LanyardClientFactory {

  /**
   * @param signingCredentials the credentials to sign with, or {@code null} for an unsigned client
   *     (web identity, SAML)
   */
  LanyardClient create(CredentialsProvider signingCredentials);

  /** Clients from a fresh builder each time, with the signing credentials set. */
  static LanyardClientFactory from(Supplier<LanyardClient.Builder> builders) {
    Objects.requireNonNull(builders, "builders");
    return signing -> builders.get().credentials(signing).build();
  }

  /** Clients configured from the environment ({@code LANYARD_ENDPOINT} and friends). */
  static LanyardClientFactory fromEnvironment(Map<String, String> environment) {
    Map<String, String> copy = Map.copyOf(environment);
    return from(() -> LanyardClient.builder().environment(copy));
  }
}
