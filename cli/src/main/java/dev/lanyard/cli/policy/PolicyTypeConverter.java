package dev.lanyard.cli.policy;

import dev.lanyard.policy.validate.PolicyType;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --type identity|resource|trust|boundary|session|scp|rcp}. */
final class PolicyTypeConverter implements ITypeConverter<PolicyType> {
  @Override
  public PolicyType convert(String value) {
    try {
      return PolicyType.fromCliName(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
