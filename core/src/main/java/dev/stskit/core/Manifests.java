package dev.stskit.core;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * What a spec compiles to. fabric8 objects are mutable, so every accessor returns a fresh copy;
 * changing it does not change this value.
 */
public final class Manifests {
  private final StatefulSet statefulSet;
  private final Service governingService;
  private final List<Service> accessServices;

  /**
   * @param statefulSet the StatefulSet
   * @param governingService the headless Service named by {@code spec.serviceName}
   * @param accessServices the access Services, in spec order
   */
  public Manifests(StatefulSet statefulSet, Service governingService, List<Service> accessServices) {
    this.statefulSet = new StatefulSetBuilder(statefulSet).build();
    this.governingService = new ServiceBuilder(governingService).build();
    this.accessServices = accessServices.stream().map(s -> new ServiceBuilder(s).build()).toList();
  }

  /** {@return the StatefulSet} */
  public StatefulSet statefulSet() {
    return new StatefulSetBuilder(statefulSet).build();
  }

  /** {@return the governing headless Service} */
  public Service governingService() {
    return new ServiceBuilder(governingService).build();
  }

  /** {@return the access Services, in spec order} */
  public List<Service> accessServices() {
    return accessServices.stream().map(s -> new ServiceBuilder(s).build()).toList();
  }

  /**
   * All objects in apply order: the governing Service, the access Services, then the StatefulSet
   * (Services first, so pod DNS names resolve from the first pod on).
   *
   * @return the objects, in apply order
   */
  public List<HasMetadata> all() {
    List<HasMetadata> all = new ArrayList<>();
    all.add(governingService());
    all.addAll(accessServices());
    all.add(statefulSet());
    return List.copyOf(all);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Manifests m && m.statefulSet.equals(statefulSet)
        && m.governingService.equals(governingService) && m.accessServices.equals(accessServices);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(statefulSet, governingService, accessServices);
  }

  @Override
  public String toString() {
    return "Manifests[" + statefulSet.getMetadata().getName() + ", " + (1 + accessServices.size())
        + " services]";
  }
}
