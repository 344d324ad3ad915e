package dev.stskit.gpu;

import java.util.List;

/** A MIG profile a GPU model does not have; the message lists the valid ones. */
public final class UnknownMigProfileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The GPU model. */
  private final String model;
  /** The profile asked for. */
  private final String profile;
  /** The model's profiles. */
  private final List<String> validProfiles;

  UnknownMigProfileException(String model, String profile, List<String> validProfiles) {
    this(model, profile, validProfiles, "MIG profile '" + profile + "' does not exist on " + model
        + "; valid profiles: " + String.join(", ", validProfiles));
  }

  UnknownMigProfileException(String model, String profile, List<String> validProfiles, String message) {
    super(message);
    this.model = model;
    this.profile = profile;
    this.validProfiles = List.copyOf(validProfiles);
  }

  /** {@return the GPU model} */
  public String model() {
    return model;
  }

  /** {@return the profile asked for} */
  public String profile() {
    return profile;
  }

  /** {@return the model's profiles} */
  public List<String> validProfiles() {
    return validProfiles;
  }
}
