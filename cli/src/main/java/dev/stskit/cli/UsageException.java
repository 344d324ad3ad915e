package dev.stskit.cli;

/** Bad usage or unreadable input: the CLI prints the one-line message on stderr and exits 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }

  UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
