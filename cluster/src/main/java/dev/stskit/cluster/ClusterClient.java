package dev.stskit.cluster;

import dev.stskit.cluster.internal.Errors;
import dev.stskit.cluster.internal.UnifiedDiff;
import dev.stskit.cluster.status.StatusDerivation;
import dev.stskit.cluster.status.StatusReport;
import dev.stskit.cluster.status.WorkloadStatus;
import dev.stskit.core.Manifests;
import dev.stskit.core.ServerFields;
import dev.stskit.core.ServicesOf;
import dev.stskit.core.SpecException;
import dev.stskit.core.lifecycle.Lifecycle;
import dev.stskit.render.YamlRenderer;
import dev.stskit.validation.Finding;
import dev.stskit.validation.Report;
import dev.stskit.validation.Validator;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.Deletable;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.ServerSideApplicable;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Creates and operates StatefulSets on one cluster, the way the platform's StatefulSet list does:
 * apply (server-side, field manager {@value #FIELD_MANAGER}), diff, scale, restart, update,
 * rollback, history, delete, status and watch. Thread-safe; close it to release its HTTP client.
 * Every call is bounded by the {@link Connection}'s timeouts: an unreachable API server fails
 * with {@link ClusterUnreachableException} (or, for {@link #status}, status Exception), never hangs.
 *
 * <p>The object changes themselves come from the pure functions of {@code
 * dev.stskit.core.lifecycle.Lifecycle}; this class reads, sends and reports.
 */
public final class ClusterClient implements AutoCloseable {
  /** The field manager of every write. */
  public static final String FIELD_MANAGER = "sts-kit";

  private final Connection connection;
  private final KubernetesClient client;
  private final Clock clock;
  private final Validator validator;

  private ClusterClient(Connection connection, Clock clock) {
    this.connection = connection;
    this.client = new KubernetesClientBuilder().withConfig(connection.clientConfig()).build();
    this.clock = clock;
    this.validator = Validator.defaults();
  }

  /**
   * A client for {@code connection}. Connects lazily: the first call reaches the server.
   *
   * @param connection the API server and credentials to use
   * @return a client that has not contacted the server yet
   */
  public static ClusterClient connect(Connection connection) {
    return new ClusterClient(Objects.requireNonNull(connection, "connection"), Clock.systemUTC());
  }

  /**
   * A client whose restarts stamp the time of {@code clock}.
   *
   * @param connection the API server and credentials to use
   * @param clock the time restarts write into {@code kubectl.kubernetes.io/restartedAt}
   * @return a client that has not contacted the server yet
   */
  public static ClusterClient connect(Connection connection, Clock clock) {
    return new ClusterClient(Objects.requireNonNull(connection, "connection"), Objects.requireNonNull(clock, "clock"));
  }

  /**
   * The connection this client uses.
   *
   * @return the connection given to {@link #connect(Connection)}
   */
  public Connection connection() {
    return connection;
  }

  /**
   * The default namespace of the operations that take a name only.
   *
   * @return the connection's namespace
   */
  public String namespace() {
    return connection.namespace();
  }

  // ---------------------------------------------------------------- apply, diff, update

  /**
   * Applies what a spec compiled to: the governing Service, the access Services, the StatefulSet.
   *
   * @param manifests what {@code StatefulSetSpec.compile()} returned
   * @param options force and dry-run
   * @return per object whether it was created, configured or unchanged
   */
  public ApplyResult apply(Manifests manifests, ApplyOptions options) {
    return apply(manifests.all(), options);
  }

  /**
   * Server-side apply of each object in order (field manager {@value #FIELD_MANAGER}); objects
   * without a namespace go to {@link #namespace()}. Each result says created, configured or
   * unchanged: created when the object did not exist, unchanged when the API server's object is
   * the same before and after (apart from {@code managedFields}), configured otherwise.
   *
   * @param objects the objects, applied in this order
   * @param options force and dry-run
   * @return per object whether it was created, configured or unchanged
   * @throws ApplyConflictException when another field manager owns fields being set (without force)
   * @throws ClusterException when the API server refuses an object (the message says which and why)
   */
  public ApplyResult apply(List<? extends HasMetadata> objects, ApplyOptions options) {
    List<Applied> out = new ArrayList<>();
    for (HasMetadata obj : objects) {
      out.add(applyOne(obj, options));
    }
    return new ApplyResult(out, options.dryRun());
  }

  private Applied applyOne(HasMetadata given, ApplyOptions options) {
    HasMetadata obj = withNamespace(given);
    String what = "apply " + describe(obj);
    return call(what, () -> {
      HasMetadata before = client.resource(obj).get();
      HasMetadata after = serverSideApply(obj, options.force(), options.dryRun());
      Outcome outcome;
      if (before == null) {
        outcome = Outcome.CREATED;
      } else if (!comparable(before).equals(comparable(after))) {
        outcome = Outcome.CONFIGURED;
      } else if (!options.dryRun() && !Objects.equals(ownFields(before), ownFields(after))) {
        outcome = Outcome.CONFIGURED; // only ownership changed (the first apply of an existing object)
      } else {
        outcome = Outcome.UNCHANGED;
      }
      return new Applied(obj.getKind(), obj.getMetadata().getNamespace(), obj.getMetadata().getName(), outcome, after);
    });
  }

  private HasMetadata serverSideApply(HasMetadata obj, boolean force, boolean dryRun) {
    Resource<HasMetadata> r = client.resource(obj);
    NonDeletingOperation<HasMetadata> op = dryRun ? r.dryRun() : r;
    ServerSideApplicable<HasMetadata> ssa = op.fieldManager(FIELD_MANAGER);
    if (force) {
      ssa = ssa.forceConflicts();
    }
    return ssa.serverSideApply();
  }

  /**
   * What applying would change: for each object the unified diff (like {@code kubectl diff}) from
   * the live object to the result of a server-side dry-run apply with force, both rendered as
   * apply-ready YAML (server fields and {@code managedFields} left out). An object that does not
   * exist diffs from nothing.
   *
   * @param objects the objects an apply would send
   * @return each object's unified diff; empty diffs when nothing would change
   */
  public DiffResult diff(List<? extends HasMetadata> objects) {
    YamlRenderer yaml = YamlRenderer.applyReady();
    List<DiffResult.ObjectDiff> out = new ArrayList<>();
    for (HasMetadata given : objects) {
      HasMetadata obj = withNamespace(given);
      out.add(call("diff " + describe(obj), () -> {
        HasMetadata live = client.resource(obj).get();
        HasMetadata merged = serverSideApply(obj, true, true);
        String label = fileName(obj);
        String diff = UnifiedDiff.diff(live == null ? "" : yaml.render(live), yaml.render(merged),
            "live/" + label, "merged/" + label);
        return new DiffResult.ObjectDiff(obj.getKind(), obj.getMetadata().getNamespace(),
            obj.getMetadata().getName(), live != null, diff);
      }));
    }
    return new DiffResult(out);
  }

  /**
   * {@link #diff(List)} of what a spec compiled to.
   *
   * @param manifests what {@code StatefulSetSpec.compile()} returned
   * @return each object's unified diff
   */
  public DiffResult diff(Manifests manifests) {
    return diff(manifests.all());
  }

  /**
   * Updates a StatefulSet from {@code oldObject} (as read, e.g. by {@link #get}) to {@code
   * newObject}, refusing before sending anything when the update changes a field an update may not
   * change ({@code selector}, {@code serviceName}, {@code volumeClaimTemplates}, {@code
   * podManagementPolicy}, name, namespace) or the new object is invalid: kube-apiserver's verdict
   * through {@link Validator#validateUpdate}. Then applies {@code newObject}.
   *
   * @param oldObject the StatefulSet as it is in the cluster
   * @param newObject the StatefulSet as it should be
   * @param options force and dry-run
   * @return what applying {@code newObject} did
   * @throws UpdateRefusedException listing each finding with its field path
   */
  public ApplyResult update(StatefulSet oldObject, StatefulSet newObject, ApplyOptions options) {
    StatefulSet old = ServerFields.strip(withNamespace(oldObject));
    StatefulSet updated = withNamespace(newObject);
    String what = "update " + describe(updated);
    if (!Objects.equals(old.getMetadata().getName(), updated.getMetadata().getName())
        || !Objects.equals(old.getMetadata().getNamespace(), updated.getMetadata().getNamespace())) {
      throw new UpdateRefusedException(what + " refused: metadata.name and metadata.namespace may not change (from "
          + describe(old) + ")", List.of());
    }
    Report report = validator.validateUpdate(old, updated);
    if (!report.valid()) {
      StringBuilder b = new StringBuilder(what).append(" refused: ");
      List<Finding> errors = report.errors();
      for (int i = 0; i < errors.size(); i++) {
        Finding f = errors.get(i);
        b.append(i == 0 ? "" : "; ").append(f.path()).append(": ").append(f.message());
      }
      throw new UpdateRefusedException(b.toString(), errors);
    }
    return apply(List.of(updated), options);
  }

  /**
   * {@link #update(StatefulSet, StatefulSet, ApplyOptions)} from the live object to {@code newObject}.
   *
   * @param newObject the StatefulSet as it should be; its name and namespace say which one
   * @param options force and dry-run
   * @return what applying {@code newObject} did
   */
  public ApplyResult update(StatefulSet newObject, ApplyOptions options) {
    StatefulSet updated = withNamespace(newObject);
    return update(get(updated.getMetadata().getName(), updated.getMetadata().getNamespace()), updated, options);
  }

  // ---------------------------------------------------------------- reads

  /**
   * The StatefulSet {@code name} of the default namespace.
   *
   * @param name the StatefulSet's name
   * @return the StatefulSet as the API server returns it
   * @throws ClusterException with code 404 when there is none
   */
  public StatefulSet get(String name) {
    return get(name, namespace());
  }

  /**
   * The StatefulSet {@code name} of {@code namespace}.
   *
   * @param name the StatefulSet's name
   * @param namespace its namespace
   * @return the StatefulSet as the API server returns it
   * @throws ClusterException with code 404 when there is none
   */
  public StatefulSet get(String name, String namespace) {
    String what = "get StatefulSet " + namespace + "/" + name;
    StatefulSet sts = call(what, () -> client.apps().statefulSets().inNamespace(namespace).withName(name).get());
    if (sts == null) {
      throw new ClusterException(what + ": not found", 404, null);
    }
    return sts;
  }

  /**
   * The revisions of the StatefulSet's pod template: the ControllerRevisions whose owner is the
   * StatefulSet's UID (not just its name: a StatefulSet deleted and created again does not inherit
   * them), oldest first.
   *
   * @param name the StatefulSet's name, in the default namespace
   * @return its revisions, oldest first, the current one marked
   */
  public List<Revision> history(String name) {
    StatefulSet sts = get(name);
    String updateRevision = sts.getStatus() == null ? null : sts.getStatus().getUpdateRevision();
    List<Revision> out = new ArrayList<>();
    for (ControllerRevision r : ownedRevisions(sts)) {
      String rname = r.getMetadata().getName();
      out.add(new Revision(r.getRevision() == null ? 0 : r.getRevision(), rname,
          Optional.ofNullable(r.getMetadata().getCreationTimestamp()).orElse(""), rname.equals(updateRevision), r));
    }
    return out;
  }

  private List<ControllerRevision> ownedRevisions(StatefulSet sts) {
    String uid = sts.getMetadata().getUid();
    String ns = sts.getMetadata().getNamespace();
    List<ControllerRevision> all = call("list ControllerRevisions of " + describe(sts),
        () -> client.apps().controllerRevisions().inNamespace(ns).list().getItems());
    List<ControllerRevision> owned = new ArrayList<>();
    for (ControllerRevision r : all) {
      if (r.getMetadata().getOwnerReferences() != null
          && r.getMetadata().getOwnerReferences().stream().anyMatch(o -> uid != null && uid.equals(o.getUid()))) {
        owned.add(r);
      }
    }
    owned.sort(Comparator.comparingLong((ControllerRevision r) -> r.getRevision() == null ? 0 : r.getRevision())
        .thenComparing(r -> r.getMetadata().getName()));
    return owned;
  }

  // ---------------------------------------------------------------- scale, restart, rollback

  /**
   * Scales through the {@code scale} subresource, as the platform's "elastic scaling" does.
   *
   * @param resourceVersion when present, a precondition: the StatefulSet must still be at this
   *     version, otherwise {@link ClusterException} with code 409 and nothing changes
   * @param dryRun let the API server check the change but store nothing
   * @return the StatefulSet after scaling
   * @param name the StatefulSet's name, in the default namespace
   * @param replicas the number of pods wanted, 0 or more
   */
  public StatefulSet scale(String name, int replicas, Optional<String> resourceVersion, boolean dryRun) {
    String what = "scale StatefulSet " + namespace() + "/" + name;
    if (replicas < 0) {
      throw new ClusterException(what + ": spec.replicas: must be >= 0, got " + replicas, 0, null);
    }
    return call(what, () -> {
      Resource<StatefulSet> r = client.apps().statefulSets().inNamespace(namespace()).withName(name);
      if (dryRun) {
        StatefulSet live = r.get();
        if (live == null) {
          throw new ClusterException(what + ": not found", 404, null);
        }
        return r.dryRun().patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{"
            + resourceVersion.map(v -> "\"resourceVersion\":\"" + v + "\"").orElse("")
            + "},\"spec\":{\"replicas\":" + replicas + "}}");
      }
      Scale scale = new ScaleBuilder().withNewMetadata().withName(name).withNamespace(namespace())
          .withResourceVersion(resourceVersion.orElse(null)).endMetadata()
          .withNewSpec().withReplicas(replicas).endSpec().build();
      r.scale(scale);
      return r.get();
    });
  }

  /**
   * Restart, as {@code kubectl rollout restart} does it: the pod template gets {@code
   * kubectl.kubernetes.io/restartedAt} (now, from this client's clock), which rolls the pods per
   * the update strategy. Under {@code OnDelete} (the form's "recreate") the template change alone
   * restarts nothing: with {@code recreate} the StatefulSet's pods are deleted too, highest ordinal
   * first, once the controller has observed the new template (up to 60 s), so that it creates them
   * again on it.
   *
   * @param name the StatefulSet's name, in the default namespace
   * @param recreate under {@code OnDelete}, also delete the pods so they come back on the new template
   * @return the patched StatefulSet, the pods still to delete and the pods deleted
   */
  public PodOperation restart(String name, boolean recreate) {
    StatefulSet sts = get(name);
    Lifecycle.Restart restart = Lifecycle.restart(sts, clock.instant());
    String stamp = restart.statefulSet().getSpec().getTemplate().getMetadata().getAnnotations()
        .get(Lifecycle.RESTARTED_AT);
    String patch = "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"" + Lifecycle.RESTARTED_AT
        + "\":\"" + stamp + "\"}}}}}";
    StatefulSet patched = call("restart " + describe(sts), () -> client.apps().statefulSets()
        .inNamespace(namespace()).withName(name).patch(PatchContext.of(PatchType.STRATEGIC_MERGE), patch));
    List<String> deleted = recreate ? deletePods(awaitObserved(patched), restart.podsToDelete()) : List.of();
    return new PodOperation(patched, restart.podsToDelete(), deleted);
  }

  /**
   * Rollback, as {@code kubectl rollout undo} does it: the pod template of revision {@code
   * toRevision} (0 = the previous one) from the ControllerRevisions the StatefulSet owns replaces
   * {@code spec.template}. Claim templates are
   * not rolled back. Under {@code OnDelete}, {@code recreate} deletes the pods, highest ordinal first.
   * If the spec changes between reading and patching, nothing changes and the exception has code 409.
   *
   * @param name the StatefulSet's name, in the default namespace
   * @param toRevision the revision number to go back to; 0 for the one before the current
   * @param recreate under {@code OnDelete}, also delete the pods so they come back on the old template
   * @return the patched StatefulSet, the pods still to delete and the pods deleted
   * @throws ClusterException naming the revision when there is no such revision
   */
  public PodOperation rollback(String name, long toRevision, boolean recreate) {
    StatefulSet sts = get(name);
    StatefulSet rolled;
    try {
      rolled = Lifecycle.rollback(sts, ownedRevisions(sts), toRevision);
    } catch (SpecException e) {
      throw new ClusterException("rollback " + describe(sts) + ": " + e.getMessage(), 0, e);
    }
    String template = client.getKubernetesSerialization().asJson(rolled.getSpec().getTemplate());
    // the test is on the generation, which only spec changes move (the controller's status writes
    // move the resourceVersion all the time)
    long generation = Optional.ofNullable(sts.getMetadata().getGeneration()).orElse(0L);
    String patch = "[{\"op\":\"test\",\"path\":\"/metadata/generation\",\"value\":" + generation
        + "},{\"op\":\"replace\",\"path\":\"/spec/template\",\"value\":" + template + "}]";
    StatefulSet patched;
    try {
      patched = call("rollback " + describe(sts), () -> client.apps().statefulSets()
          .inNamespace(namespace()).withName(name).patch(PatchContext.of(PatchType.JSON), patch));
    } catch (ClusterException e) {
      if (e.code() == 422) {
        throw new ClusterException("rollback " + describe(sts) + ": its spec changed since it was read (generation "
            + generation + "); nothing was rolled back, try again", 409, e);
      }
      throw e;
    }
    boolean onDelete = sts.getSpec().getUpdateStrategy() != null
        && "OnDelete".equals(sts.getSpec().getUpdateStrategy().getType());
    List<String> toDelete = onDelete ? Lifecycle.podNames(sts) : List.of();
    List<String> deleted = recreate ? deletePods(awaitObserved(patched), toDelete) : List.of();
    return new PodOperation(patched, toDelete, deleted);
  }

  /**
   * Deletes the StatefulSet's pods (the form's "recreate" under {@code OnDelete}), highest ordinal
   * first, and returns the names deleted (pods that do not exist are skipped).
   *
   * @param name the StatefulSet's name, in the default namespace
   * @return the names of the pods deleted, highest ordinal first
   */
  public List<String> recreatePods(String name) {
    StatefulSet sts = get(name);
    return deletePods(sts, Lifecycle.podNames(sts));
  }

  /** How long "recreate" waits for the controller to see the new template before deleting pods. */
  private static final Duration OBSERVE_TIMEOUT = Duration.ofSeconds(60);

  /**
   * {@code patched} once the StatefulSet controller has observed its generation ({@code
   * status.observedGeneration}): from then on a pod it creates is of the new revision. A pod
   * deleted earlier could come back from the controller's cache of the old template, and under
   * {@code OnDelete} stay on it (k8s.io/kubernetes pkg/controller/statefulset/stateful_set_utils.go,
   * newVersionedStatefulSetPod: a missing pod is made from the update revision of the spec the
   * controller synced, which may still be the old one). Polls every
   * 100 ms; a controller that does not catch up in 60 s is an error that says no pod was deleted.
   */
  private StatefulSet awaitObserved(StatefulSet patched) {
    long generation = Optional.ofNullable(patched.getMetadata().getGeneration()).orElse(0L);
    long deadline = System.nanoTime() + OBSERVE_TIMEOUT.toNanos();
    while (true) {
      StatefulSet now = get(patched.getMetadata().getName());
      Long observed = now.getStatus() == null ? null : now.getStatus().getObservedGeneration();
      if (observed != null && observed >= generation) {
        return now;
      }
      if (System.nanoTime() > deadline) {
        throw new ClusterException(describe(now) + ": the StatefulSet controller has not observed generation "
            + generation + " (the new template) within " + OBSERVE_TIMEOUT.toSeconds() + " s; no pod was"
            + " deleted, so none comes back on the old template: delete them with recreatePods once it has", 0, null);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ClusterException(describe(now) + ": interrupted while waiting for the controller; no pod was deleted", 0, e);
      }
    }
  }

  private List<String> deletePods(StatefulSet sts, List<String> pods) {
    List<String> reversed = new ArrayList<>(pods);
    java.util.Collections.reverse(reversed);
    List<String> deleted = new ArrayList<>();
    for (String pod : reversed) {
      List<?> details = call("delete Pod " + namespace() + "/" + pod,
          () -> client.pods().inNamespace(sts.getMetadata().getNamespace()).withName(pod).delete());
      if (details != null && !details.isEmpty()) {
        deleted.add(pod);
      }
    }
    return deleted;
  }

  // ---------------------------------------------------------------- delete

  /**
   * Deletes the StatefulSet with the options' propagation policy and grace period, then, as asked,
   * the claims its claim templates made ({@code <template>-<name>-<ordinal>}) and the Services
   * sts-kit applied with it (the governing Service named by {@code spec.serviceName} and Services
   * selecting its pods, in both cases only when field manager {@value #FIELD_MANAGER} manages
   * them). Returns what was deleted, as {@code kind/name}.
   *
   * @param name the StatefulSet's name, in the default namespace
   * @param options propagation, grace period, claims, Services and dry-run
   * @return what was deleted, as {@code kind/name}, in the order deleted
   */
  public List<String> delete(String name, DeleteOptions options) {
    StatefulSet sts = get(name);
    String ns = sts.getMetadata().getNamespace();
    List<String> deleted = new ArrayList<>();
    Resource<StatefulSet> r = client.apps().statefulSets().inNamespace(ns).withName(name);
    call("delete " + describe(sts), () -> {
      var base = options.dryRun() ? r.dryRun() : r;
      var withPolicy = base.withPropagationPolicy(DeletionPropagation.valueOf(options.propagation().name()));
      Deletable d = options.gracePeriodSeconds().isPresent()
          ? withPolicy.withGracePeriod(options.gracePeriodSeconds().getAsLong()) : withPolicy;
      return d.delete();
    });
    deleted.add("StatefulSet/" + name);
    if (options.deleteClaims()) {
      Set<String> templates = new LinkedHashSet<>();
      if (sts.getSpec().getVolumeClaimTemplates() != null) {
        sts.getSpec().getVolumeClaimTemplates().forEach(t -> templates.add(t.getMetadata().getName()));
      }
      // the controller names each claim <template>-<statefulset>-<ordinal> (k8s.io/kubernetes
      // pkg/controller/statefulset/stateful_set_utils.go, getPersistentVolumeClaimName)
      List<PersistentVolumeClaim> claims = call("list PersistentVolumeClaims in " + ns,
          () -> client.persistentVolumeClaims().inNamespace(ns).list().getItems());
      claims.sort(Comparator.comparing(c -> c.getMetadata().getName()));
      for (PersistentVolumeClaim c : claims) {
        String claim = c.getMetadata().getName();
        boolean made = templates.stream().anyMatch(t -> Pattern.matches(Pattern.quote(t + "-" + name + "-") + "[0-9]+", claim));
        if (made) {
          call("delete PersistentVolumeClaim " + ns + "/" + claim, () -> {
            Resource<PersistentVolumeClaim> pr = client.persistentVolumeClaims().inNamespace(ns).withName(claim);
            return options.dryRun() ? pr.dryRun().delete() : pr.delete();
          });
          deleted.add("PersistentVolumeClaim/" + claim);
        }
      }
    }
    if (options.deleteServices()) {
      for (Service s : servicesOf(sts)) {
        String svc = s.getMetadata().getName();
        call("delete Service " + ns + "/" + svc, () -> {
          var sr = client.services().inNamespace(ns).withName(svc);
          return options.dryRun() ? sr.dryRun().delete() : sr.delete();
        });
        deleted.add("Service/" + svc);
      }
    }
    return deleted;
  }

  /** The Services sts-kit applied for {@code sts}: managed by {@value #FIELD_MANAGER}, governing it or selecting its pods. */
  private List<Service> servicesOf(StatefulSet sts) {
    String ns = sts.getMetadata().getNamespace();
    List<Service> all = call("list Services in " + ns, () -> client.services().inNamespace(ns).list().getItems());
    List<Service> out = new ArrayList<>();
    for (Service s : all) {
      boolean ours = s.getMetadata().getManagedFields() != null && s.getMetadata().getManagedFields().stream()
          .map(ManagedFieldsEntry::getManager).anyMatch(FIELD_MANAGER::equals);
      if (!ours) {
        continue;
      }
      if (ServicesOf.belongs(sts, s)) {
        out.add(s);
      }
    }
    out.sort(Comparator.comparing(s -> s.getMetadata().getName()));
    return out;
  }

  // ---------------------------------------------------------------- status

  /**
   * The platform's status of the StatefulSet {@code name}: read it, its pods, the Warning events
   * about them and their nodes, then {@link StatusDerivation#derive}. When the API server cannot
   * be reached the status is Exception with the connection error as reason.
   *
   * @param name the StatefulSet's name, in the default namespace
   * @return its status, the reason and a line per pod
   * @throws ClusterException when the StatefulSet does not exist (code 404) or a read is refused
   */
  public StatusReport status(String name) {
    StatefulSet sts;
    try {
      sts = get(name);
    } catch (ClusterUnreachableException e) {
      return StatusDerivation.unreachable(name, e.getMessage());
    }
    String ns = sts.getMetadata().getNamespace();
    try {
      Map<String, String> match = sts.getSpec().getSelector() == null ? null : sts.getSpec().getSelector().getMatchLabels();
      boolean expressions = sts.getSpec().getSelector() != null && sts.getSpec().getSelector().getMatchExpressions() != null
          && !sts.getSpec().getSelector().getMatchExpressions().isEmpty();
      List<Pod> pods = call("list Pods of " + describe(sts), () -> match == null || match.isEmpty() || expressions
          ? client.pods().inNamespace(ns).list().getItems()
          : client.pods().inNamespace(ns).withLabels(match).list().getItems());
      List<Event> events = call("list Events in " + ns, () -> client.v1().events().inNamespace(ns)
          .withField("involvedObject.kind", "Pod").withField("type", "Warning").list().getItems());
      Map<String, Node> nodes = new LinkedHashMap<>();
      for (Pod p : pods) {
        String nodeName = p.getSpec() == null ? null : p.getSpec().getNodeName();
        if (nodeName != null && !nodes.containsKey(nodeName)) {
          try {
            Node n = client.nodes().withName(nodeName).get();
            if (n != null) {
              nodes.put(nodeName, n);
            }
          } catch (RuntimeException e) {
            if (Errors.unreachable(e)) {
              throw e;
            }
            // nodes are cluster-scoped: without the right to read them, decide without them
          }
        }
      }
      return StatusDerivation.derive(sts, pods, events, List.copyOf(nodes.values()));
    } catch (ClusterUnreachableException e) {
      return StatusDerivation.unreachable(name, e.getMessage());
    } catch (RuntimeException e) {
      if (Errors.unreachable(e)) {
        return StatusDerivation.unreachable(name, Errors.map("status", connection.server(), e).getMessage());
      }
      throw e;
    }
  }

  /**
   * Watches the status of {@code name}: {@code listener} gets the first status at once and then
   * each change (a different status, reason or pod line). The watch follows the API server's watch
   * events of the StatefulSet and its pods and re-reads every {@code resync}; when the API server
   * goes away the listener gets Exception and, when it is back, the status again. Close the
   * returned handle to stop; the listener runs on the watch's own thread.
   *
   * @param name the StatefulSet's name, in the default namespace
   * @param resync how often the status is read again besides the watch events
   * @param listener gets each status that differs from the one before
   * @param onError gets errors that are not a status (the StatefulSet not found, access denied)
   * @return the watch; close it to stop
   */
  public StatusWatch watch(String name, Duration resync, Consumer<StatusReport> listener, Consumer<ClusterException> onError) {
    return new StatusWatch(this, client, name, resync, listener, onError);
  }

  /**
   * {@link #watch(String, Duration, Consumer, Consumer)} re-reading every second, errors ignored.
   *
   * @param name the StatefulSet's name, in the default namespace
   * @param listener gets each status that differs from the one before
   * @return the watch; close it to stop
   */
  public StatusWatch watch(String name, Consumer<StatusReport> listener) {
    return watch(name, Duration.ofSeconds(1), listener, e -> {});
  }

  /**
   * Waits until the StatefulSet {@code name} has status {@code wanted}, calling {@code progress}
   * with every status seen on the way.
   *
   * @return the status that matched
   * @param name the StatefulSet's name, in the default namespace
   * @param wanted the status to wait for
   * @param timeout how long to wait at most
   * @param progress gets each status seen, the last one included
   * @throws ClusterException when {@code timeout} passes first (the message names the last status
   *     and reason) or the StatefulSet cannot be read
   */
  public StatusReport waitFor(String name, WorkloadStatus wanted, Duration timeout, Consumer<StatusReport> progress) {
    CompletableFuture<StatusReport> done = new CompletableFuture<>();
    AtomicReference<StatusReport> last = new AtomicReference<>();
    AtomicReference<ClusterException> lastError = new AtomicReference<>();
    StatusWatch w = watch(name, Duration.ofMillis(500), r -> {
      last.set(r);
      progress.accept(r);
      if (r.status() == wanted) {
        done.complete(r);
      }
    }, e -> {
      lastError.set(e);
      if (e.code() == 404 || e.code() == 403 || e.code() == 401) {
        done.completeExceptionally(e);
      }
    });
    try {
      return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      StatusReport r = last.get();
      throw new ClusterException("wait for StatefulSet " + namespace() + "/" + name + " to be " + wanted.label()
          + ": timed out after " + timeout.toSeconds() + "s; last status: "
          + (r == null ? (lastError.get() == null ? "none" : lastError.get().getMessage())
              : r.status().label() + (r.reason().isEmpty() ? "" : " (" + r.reason() + ")")), 0, e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof ClusterException ce ? ce
          : new ClusterException("wait for " + name + ": " + e.getCause(), 0, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterException("wait for " + name + ": interrupted", 0, e);
    } finally {
      w.close();
    }
  }

  @Override
  public void close() {
    client.close();
  }

  // ---------------------------------------------------------------- helpers

  /** Runs {@code body}, mapping fabric8's exceptions to this module's. */
  <T> T call(String what, Supplier<T> body) {
    try {
      return body.get();
    } catch (RuntimeException e) {
      throw Errors.map(what, connection.server(), e);
    }
  }

  private <T extends HasMetadata> T withNamespace(T obj) {
    T copy = client.getKubernetesSerialization().clone(obj);
    if (copy.getMetadata() == null || copy.getMetadata().getName() == null || copy.getMetadata().getName().isEmpty()) {
      throw new ClusterException(obj.getKind() + ": metadata.name: required", 0, null);
    }
    if (copy.getMetadata().getNamespace() == null || copy.getMetadata().getNamespace().isEmpty()) {
      copy.getMetadata().setNamespace(namespace());
    }
    return copy;
  }

  private static String describe(HasMetadata obj) {
    return obj.getKind() + " " + obj.getMetadata().getNamespace() + "/" + obj.getMetadata().getName();
  }

  /** kubectl diff's file name: {@code apps.v1.StatefulSet.default.web}. */
  private static String fileName(HasMetadata obj) {
    String av = obj.getApiVersion() == null ? "v1" : obj.getApiVersion();
    return av.replace('/', '.') + "." + obj.getKind() + "." + obj.getMetadata().getNamespace() + "."
        + obj.getMetadata().getName();
  }

  /**
   * The object without what changes on every write (resourceVersion, managedFields) and without its
   * status, which controllers write at any time: a status update between the read before the apply and
   * the apply itself is not the apply's doing (seen under load with kube-controller-manager running).
   */
  private Map<?, ?> comparable(HasMetadata obj) {
    Map<?, ?> tree = client.getKubernetesSerialization().convertValue(obj, Map.class);
    if (tree.get("metadata") instanceof Map<?, ?> meta) {
      meta.remove("resourceVersion");
      meta.remove("managedFields");
    }
    tree.remove("status");
    return tree;
  }

  /** The fields sts-kit's apply owns (its managedFields entries without their time stamps). */
  private List<Object> ownFields(HasMetadata obj) {
    List<Object> out = new ArrayList<>();
    if (obj.getMetadata() == null || obj.getMetadata().getManagedFields() == null) {
      return out;
    }
    for (io.fabric8.kubernetes.api.model.ManagedFieldsEntry e : obj.getMetadata().getManagedFields()) {
      if (FIELD_MANAGER.equals(e.getManager()) && "Apply".equals(e.getOperation())) {
        out.add(List.of(String.valueOf(e.getSubresource()),
            client.getKubernetesSerialization().convertValue(e.getFieldsV1(), Map.class)));
      }
    }
    return out;
  }
}
