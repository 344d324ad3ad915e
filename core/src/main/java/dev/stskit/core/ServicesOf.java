package dev.stskit.core;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which Services belong to a StatefulSet: the ones {@code sts-kit import} lifts with it. A Service
 * belongs when it is in the StatefulSet's namespace and either is its governing Service (named by
 * {@code spec.serviceName}) or selects its pods (a non-empty {@code spec.selector} whose every
 * label the pod template carries with the same value, as the endpoints controller matches). An
 * unset namespace counts as {@code default}, the namespace kubectl uses when neither the object nor
 * the context names one.
 *
 * <pre>{@code
 * List<Service> mine = ServicesOf.select(sts, allServicesOfTheFile);
 * Lifted lifted = StatefulSetSpec.lift(sts, mine, CompileOptions.defaults());
 * }</pre>
 */
public final class ServicesOf {
  private ServicesOf() {}

  /**
   * The Services of {@code services} that belong to {@code sts}, in their order.
   *
   * @param sts the StatefulSet
   * @param services candidate Services, e.g. every Service of a file or a namespace
   * @return those that belong to {@code sts} (a new list; the objects are not copied)
   * @throws SpecException for a null StatefulSet, list or list element, naming it
   */
  public static List<Service> select(StatefulSet sts, List<Service> services) {
    if (sts == null) {
      throw new SpecException("", "no StatefulSet to match Services against (null)");
    }
    if (services == null) {
      throw new SpecException("services", "must not be null (pass an empty list instead)");
    }
    List<Service> out = new ArrayList<>();
    for (int i = 0; i < services.size(); i++) {
      Service s = services.get(i);
      if (s == null) {
        throw new SpecException("services[" + i + "]", "is null; pass only Services");
      }
      if (belongs(sts, s)) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Whether {@code service} belongs to {@code sts} (see the class comment).
   *
   * @param sts the StatefulSet
   * @param service the Service
   * @return true when the Service is in the StatefulSet's namespace and governs or selects it
   * @throws SpecException for a null argument
   */
  public static boolean belongs(StatefulSet sts, Service service) {
    if (sts == null || service == null) {
      throw new SpecException(sts == null ? "" : "service", (sts == null ? "no StatefulSet" : "no Service")
          + " to match (null)");
    }
    if (!namespace(sts).equals(namespace(service))) {
      return false;
    }
    String name = service.getMetadata() == null ? null : service.getMetadata().getName();
    String serviceName = sts.getSpec() == null ? null : sts.getSpec().getServiceName();
    if (name != null && !name.isEmpty() && name.equals(serviceName)) {
      return true;
    }
    Map<String, String> selector = service.getSpec() == null ? null : service.getSpec().getSelector();
    if (selector == null || selector.isEmpty()) {
      return false; // selects nothing: its endpoints are managed by hand
    }
    Map<String, String> podLabels = podLabels(sts);
    for (Map.Entry<String, String> e : selector.entrySet()) {
      if (e.getValue() == null || !e.getValue().equals(podLabels.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, String> podLabels(StatefulSet sts) {
    if (sts.getSpec() == null || sts.getSpec().getTemplate() == null
        || sts.getSpec().getTemplate().getMetadata() == null
        || sts.getSpec().getTemplate().getMetadata().getLabels() == null) {
      return Map.of();
    }
    return sts.getSpec().getTemplate().getMetadata().getLabels();
  }

  private static String namespace(HasMetadata o) {
    String ns = o.getMetadata() == null ? null : o.getMetadata().getNamespace();
    return ns == null || ns.isEmpty() ? "default" : ns;
  }
}
