package dev.stskit.cluster;

import dev.stskit.core.CompileOptions;
import dev.stskit.core.Manifests;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.testsupport.ControlPlane;
import java.util.Map;
import java.util.Optional;

/** Connections to the test control plane, one namespace per test. */
public final class Clusters {
  private Clusters() {}

  /** A fresh namespace on the control plane. */
  public static String namespace(ControlPlane cp, String prefix) {
    return cp.createNamespace(prefix, Map.of());
  }

  /** A connection to the control plane through its kubeconfig, in {@code namespace}. */
  public static Connection connection(ControlPlane cp, String namespace) {
    return Connection.kubeconfig(cp.kubeconfig(), Optional.empty()).withNamespace(namespace);
  }

  /** A client of the control plane in {@code namespace}. */
  public static ClusterClient client(ControlPlane cp, String namespace) {
    return ClusterClient.connect(connection(cp, namespace));
  }

  /** {@code spec} moved to {@code namespace} and compiled. */
  public static Manifests in(String namespace, StatefulSetSpec spec) {
    return StatefulSetSpec.builder().from(spec).namespace(namespace).build().compile();
  }

  /** {@code spec} moved to {@code namespace} and compiled with {@code options}. */
  public static Manifests in(String namespace, StatefulSetSpec spec, CompileOptions options) {
    return StatefulSetSpec.builder().from(spec).namespace(namespace).build().compile(options);
  }
}
