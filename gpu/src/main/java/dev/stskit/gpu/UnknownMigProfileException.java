package dev.stskit.gpu;

import java.util.List;

/** A MIG profile a GPU model does not have; the message lists the valid ones. */
public final class UnknownMigProfileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String model;
  private final String profile;
  private final List<String> validProfiles;

  UnknownMigProfileException(String model, String profile, List<String> validProfiles) {
    super("MIG profile '" + profile + "' does not exist on " + model + "; valid profiles: "
        + String.join(", ", validProfiles));
    this.model = model;
    this.profile = profile;
    this.validProfiles = List.copyOf(validProfiles);
  }

  /** The GPU model. */
  public String model() {
    return model;
  }

  /** The profile asked for. */
  public String profile() {
    return profile;
  }

  /** The model's profiles. */
  public List<String> validProfiles() {
    return validProfiles;
  }
}
