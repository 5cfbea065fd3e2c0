package dev.lanyard.sts.error;

/**
 * The AWS error codes the Lanyard server reports, spelled exactly as AWS spells them ({@link #name()}
 * is the wire code), each with its fault side and the HTTP status AWS uses for it.
 */
public enum AwsErrorCode {
    AccessDenied(Fault.SENDER, 403),
    MalformedPolicyDocument(Fault.SENDER, 400),
    PackedPolicyTooLarge(Fault.SENDER, 400),
    ExpiredToken(Fault.SENDER, 400),
    InvalidClientTokenId(Fault.SENDER, 403),
    SignatureDoesNotMatch(Fault.SENDER, 403),
    RequestExpired(Fault.SENDER, 400),
    NoSuchEntity(Fault.SENDER, 404),
    EntityAlreadyExists(Fault.SENDER, 409),
    LimitExceeded(Fault.SENDER, 409),
    ConcurrentModification(Fault.SENDER, 409),
    DeleteConflict(Fault.SENDER, 409),
    ValidationError(Fault.SENDER, 400),
    InvalidParameterValue(Fault.SENDER, 400),
    InvalidIdentityToken(Fault.SENDER, 400),
    IDPRejectedClaim(Fault.SENDER, 403),
    IDPCommunicationError(Fault.SENDER, 400),
    InvalidAuthorizationMessageException(Fault.SENDER, 400),
    RegionDisabled(Fault.SENDER, 403),
    ServiceFailure(Fault.RECEIVER, 500),
    MissingAuthenticationToken(Fault.SENDER, 403),
    IncompleteSignature(Fault.SENDER, 400),
    ExpiredTokenException(Fault.SENDER, 400),
    InvalidInput(Fault.SENDER, 400),
    EntityTemporarilyUnmodifiable(Fault.SENDER, 409),
    ServiceUnavailable(Fault.RECEIVER, 503);

    /** Which side AWS blames: the caller ({@code Sender}) or the service ({@code Receiver}). */
    public enum Fault {
        SENDER("Sender"),
        RECEIVER("Receiver");

        private final String wireName;

        Fault(String wireName) {
            this.wireName = wireName;
        }

        /** The value AWS puts in the error's {@code Type} element: "Sender" or "Receiver". */
        public String wireName() {
            return wireName;
        }
    }

    private final Fault fault;
    private final int httpStatus;

    AwsErrorCode(Fault fault, int httpStatus) {
        this.fault = fault;
        this.httpStatus = httpStatus;
    }

    /** The side at fault. */
    public Fault fault() {
        return fault;
    }

    /** True when the caller caused the error (AWS {@code Sender} fault). */
    public boolean isSenderFault() {
        return fault == Fault.SENDER;
    }

    /** The HTTP status AWS returns with this code. */
    public int httpStatus() {
        return httpStatus;
    }
}
