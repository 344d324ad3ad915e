package dev.stskit.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole-process baseline of {@code bench/cold-start.sh}: what a fresh JVM takes to read a
 * manifest with fabric8 ({@code Serialization.unmarshal} to {@code HasMetadata}, which finds the
 * kind's class) and write it back as YAML ({@code Serialization.asYaml}) — the work of
 * {@code sts-kit import} done the fabric8 way.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.stskit.bench.Fabric8ReadWrite MANIFEST.yaml</pre>
 */
public final class Fabric8ReadWrite {
  private Fabric8ReadWrite() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: Fabric8ReadWrite MANIFEST.yaml");
      System.exit(2);
    }
    String text = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
    HasMetadata object = Serialization.unmarshal(text, HasMetadata.class);
    System.out.print(Serialization.asYaml(object));
  }
}
