package dev.lanyard.cli.policy;

import picocli.CommandLine.Command;

/** {@code lanyard policy}: the IAM policy tools, {@code validate} and {@code simulate}. */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description = "Validate IAM policy documents and simulate authorisation decisions.",
    subcommands = {ValidateCommand.class, SimulateCommand.class})
public final class PolicyCommand {}
