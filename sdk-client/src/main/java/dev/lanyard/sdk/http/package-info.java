/** Small pieces for reading HTTP answers safely (bounded bodies), shared by the SDK and the server. */
package dev.lanyard.sdk.http;
