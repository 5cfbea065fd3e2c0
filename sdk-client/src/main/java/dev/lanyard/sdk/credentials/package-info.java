/** Credential value types shared by the signer, the credential providers and the agent. */
package dev.lanyard.sdk.credentials;
