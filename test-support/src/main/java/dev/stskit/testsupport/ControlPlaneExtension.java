package dev.stskit.testsupport;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives {@link ControlPlaneTest} classes the shared {@link ControlPlane}: as a test or lifecycle
 * method parameter, and in fields of type {@code ControlPlane} (static ones before
 * {@code @BeforeAll}, instance ones before each test). Skips or fails the tests when the control
 * plane cannot be built, per {@link SkipPolicy}.
 */
public final class ControlPlaneExtension
    implements ExecutionCondition, BeforeAllCallback, TestInstancePostProcessor, ParameterResolver {

  private static final AtomicBoolean SKIP_ANNOUNCED = new AtomicBoolean();

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    SkipPolicy.Decision d =
        SkipPolicy.decide(ControlPlaneBinaries.locate().problem(), System.getenv());
    switch (d.action()) {
      case SKIP -> {
        if (SKIP_ANNOUNCED.compareAndSet(false, true)) {
          System.err.println(d.message());
        }
        return ConditionEvaluationResult.disabled(d.message());
      }
      case FAIL -> {
        if (SKIP_ANNOUNCED.compareAndSet(false, true)) {
          System.err.println(d.message());
        }
        // enabled, so that starting it fails the tests with the reason
        return ConditionEvaluationResult.enabled(d.message());
      }
      default -> {
        return ConditionEvaluationResult.enabled(d.message());
      }
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    Class<?> testClass = context.getRequiredTestClass();
    for (Field f : controlPlaneFields(testClass, true)) {
      f.set(null, controlPlane(context));
    }
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context)
      throws IllegalAccessException {
    for (Field f : controlPlaneFields(testInstance.getClass(), false)) {
      f.set(testInstance, controlPlane(context));
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == ControlPlane.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    try {
      return controlPlane(extensionContext);
    } catch (RuntimeException e) {
      throw new ParameterResolutionException(e.getMessage(), e);
    }
  }

  private static ControlPlane controlPlane(ExtensionContext context) {
    return ControlPlane.shared(wantsControllers(context));
  }

  /** {@code controllers = true} on the test method, its class or an enclosing class. */
  static boolean wantsControllers(ExtensionContext context) {
    for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
      Optional<AnnotatedElement> element = c.get().getElement();
      Optional<ControlPlaneTest> a = AnnotationSupport.findAnnotation(element, ControlPlaneTest.class);
      if (a.isPresent() && a.get().controllers()) {
        return true;
      }
    }
    return false;
  }

  private static java.util.List<Field> controlPlaneFields(Class<?> type, boolean statics) {
    java.util.List<Field> fields = new java.util.ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getType() == ControlPlane.class
            && Modifier.isStatic(f.getModifiers()) == statics
            && !Modifier.isFinal(f.getModifiers())) {
          f.setAccessible(true);
          fields.add(f);
        }
      }
    }
    return fields;
  }
}
