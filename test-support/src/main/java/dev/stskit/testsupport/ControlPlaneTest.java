package dev.stskit.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that talks to a real etcd + kube-apiserver on loopback (and kube-controller-manager with
 * {@code controllers = true}). The control plane is started once per test JVM and shared by all
 * classes; tests receive it as a {@link ControlPlane} parameter or field.
 *
 * <p>Where no Go toolchain is installed (or the control plane cannot be built) these tests are
 * skipped with one line on stderr, unless the environment has {@code CI=true}, where they fail.
 * The tag {@code control-plane} lets a run exclude them ({@code -DexcludedGroups=control-plane}).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ControlPlaneExtension.class)
@Tag("control-plane")
public @interface ControlPlaneTest {
  /**
   * Also run kube-controller-manager (StatefulSet, ServiceAccount, garbage-collector … controllers).
   *
   * @return whether the test needs the controllers; {@code false} runs the API server and etcd only
   */
  boolean controllers() default false;
}
