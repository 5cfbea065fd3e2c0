package dev.lanyard.sts.error;

import java.util.Objects;

/**
 * An error the server reports to its caller: an AWS error code, a message naming the field, the
 * problem and what is accepted (never a secret), and whether retrying the same request may succeed.
 * Mapped to a gRPC {@code Status} in one place.
 */
public class LanyardException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final AwsErrorCode code;
    private final boolean retryable;

    /** An error that is retryable only when the code is a receiver fault. */
    public LanyardException(AwsErrorCode code, String message) {
        this(code, message, !Objects.requireNonNull(code, "code").isSenderFault(), null);
    }

    /** An error with an explicit retry hint. */
    public LanyardException(AwsErrorCode code, String message, boolean retryable) {
        this(code, message, retryable, null);
    }

    /** An error with an explicit retry hint and a cause (the cause must not carry secrets either). */
    public LanyardException(AwsErrorCode code, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.retryable = retryable;
    }

    /** The AWS error code. */
    public AwsErrorCode code() {
        return code;
    }

    /** True when the same request may succeed if retried (for example after a concurrent update). */
    public boolean retryable() {
        return retryable;
    }

    @Override
    public String toString() {
        return "LanyardException[" + code.name() + "]: " + getMessage();
    }
}
