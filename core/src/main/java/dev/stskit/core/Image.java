package dev.stskit.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * A container image as the form takes it: repository (with its registry host, if any), plus a tag
 * (the "image version" drop-down) or a digest, or both. A repository without a registry host is
 * pulled from Docker Hub; without tag and digest the runtime pulls {@code latest}.
 *
 * <p>In the spec file an image is one string, e.g. {@code docker.m.daocloud.io/mysql:5.7.31}.
 * {@link #parse(String)} and {@link #toString()} are exact inverses.
 */
public final class Image {
  private final String repository;
  private final String tag;
  private final String digest;

  private Image(String repository, String tag, String digest) {
    if (repository.isEmpty()) {
      throw new SpecException("image", "required");
    }
    if (repository.chars().anyMatch(Character::isWhitespace)) {
      throw new SpecException("image", "must not contain whitespace: \"" + repository + "\"");
    }
    this.repository = repository;
    this.tag = tag;
    this.digest = digest;
  }

  /**
   * Repository and tag, e.g. {@code of("mysql", "5.7.31")}.
   *
   * @param repository the repository, with its registry
   * @param tag the tag
   * @return the image
   */
  public static Image of(String repository, String tag) {
    return new Image(repository, requireText(tag, "tag"), null);
  }

  /**
   * Repository and digest, e.g. {@code withDigest("mysql", "sha256:…")}.
   *
   * @param repository the repository, with its registry
   * @param digest the digest, e.g. {@code sha256:…}
   * @return the image
   */
  public static Image withDigest(String repository, String digest) {
    return new Image(repository, null, requireText(digest, "digest"));
  }

  /**
   * A repository without tag or digest (the runtime pulls {@code latest}).
   *
   * @param repository the repository, with its registry
   * @return the image
   */
  public static Image untagged(String repository) {
    return new Image(repository, null, null);
  }

  /**
   * Parses {@code [host[:port]/]path[:tag][@digest]}; the tag is the part after the last colon
   * that follows the last slash.
   *
   * @param image the image as one string
   * @return its parts
   */
  @JsonCreator
  public static Image parse(String image) {
    String rest = image;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = requireText(rest.substring(at + 1), "digest");
      rest = rest.substring(0, at);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = requireText(rest.substring(colon + 1), "tag");
      rest = rest.substring(0, colon);
    }
    return new Image(rest, tag, digest);
  }

  private static String requireText(String s, String what) {
    if (s.isEmpty()) {
      throw new SpecException("image", what + " must not be empty");
    }
    return s;
  }

  /** {@return the repository, e.g. {@code docker.m.daocloud.io/mysql}} */
  public String repository() {
    return repository;
  }

  /** {@return the tag, e.g. {@code 5.7.31}} */
  public Optional<String> tag() {
    return Optional.ofNullable(tag);
  }

  /** {@return the digest, e.g. {@code sha256:…}} */
  public Optional<String> digest() {
    return Optional.ofNullable(digest);
  }

  /** The image reference Kubernetes takes in {@code containers[].image}. */
  @JsonValue
  @Override
  public String toString() {
    return repository + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Image i && i.repository.equals(repository) && Objects.equals(i.tag, tag)
        && Objects.equals(i.digest, digest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(repository, tag, digest);
  }
}
