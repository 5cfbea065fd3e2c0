/**
 * SigV4 for gRPC: the signed HTTP view of a call ({@link dev.lanyard.sdk.signing.grpc.GrpcRequestView})
 * and a client interceptor that signs every call
 * ({@link dev.lanyard.sdk.signing.grpc.SigV4ClientInterceptor}).
 */
package dev.lanyard.sdk.signing.grpc;
