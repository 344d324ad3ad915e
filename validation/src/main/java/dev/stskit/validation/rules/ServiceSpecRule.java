package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.ServiceRule;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Defaults;
import dev.stskit.validation.internal.MetaChecks;
import dev.stskit.validation.internal.Names;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.SessionAffinityConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * A Service's type, headless setting, selector and session affinity.
 *
 * <p>Follows {@code validateService}, {@code validateClientIPAffinityConfig} and
 * {@code validateAffinityTimeout} ({@code pkg/apis/core/validation/validation.go}): type ClusterIP,
 * NodePort, LoadBalancer or ExternalName; a headless Service ({@code clusterIP: None}) only of type
 * ClusterIP; an ExternalName Service with a DNS-1123 subdomain {@code externalName} and no cluster IPs;
 * selector labels valid; session affinity None or ClientIP, ClientIP with a timeout of 1–86400 seconds,
 * None without a config.
 *
 * <p>Checked fields: {@code spec.type}, {@code spec.clusterIP(s)}, {@code spec.externalName},
 * {@code spec.selector}, {@code spec.sessionAffinity}, {@code spec.sessionAffinityConfig}.
 */
@RuleInfo(id = "k8s-service-spec", severity = Severity.ERROR,
    summary = "Service type, headless setting, selector or session affinity that kube-apiserver rejects")
public final class ServiceSpecRule implements ServiceRule {
  /** {@code core.MaxClientIPServiceAffinitySeconds}: one day. */
  public static final int MAX_AFFINITY_SECONDS = 86400;
  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final List<String> TYPES = List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");
  private static final List<String> AFFINITIES = List.of("ClientIP", "None");

  /** {@code isHeadlessService}, with {@code clusterIPs} filled from {@code clusterIP} as the registry does. */
  static boolean isHeadless(ServiceSpec spec) {
    List<String> ips = Defaults.list(spec.getClusterIPs());
    return ips.isEmpty() ? "None".equals(spec.getClusterIP()) : ips.size() == 1 && "None".equals(ips.get(0));
  }

  @Override
  public List<Violation> validate(Service service, RuleContext context) {
    ServiceSpec spec = service.getSpec() == null ? new ServiceSpec() : service.getSpec();
    List<Violation> out = new ArrayList<>();
    String type = spec.getType() == null ? "" : spec.getType();
    if (type.isEmpty()) {
      out.add(Violation.required(SPEC.child("type")));
    } else if (!TYPES.contains(type)) {
      out.add(Violation.notSupported(SPEC.child("type"), type, TYPES));
    }
    if ((type.equals("LoadBalancer") || type.equals("NodePort")) && isHeadless(spec)) {
      out.add(Violation.invalid(SPEC.child("clusterIPs").index(0), "None", Message.of("service-headless-type", type)));
    }
    if (type.equals("ExternalName")) {
      if (!Defaults.list(spec.getClusterIPs()).isEmpty() || (spec.getClusterIP() != null && !spec.getClusterIP().isEmpty())) {
        out.add(Violation.forbidden(SPEC.child("clusterIPs"), Message.of("service-external-name-forbidden")));
      }
      String cname = spec.getExternalName() == null ? "" : spec.getExternalName();
      cname = cname.endsWith(".") ? cname.substring(0, cname.length() - 1) : cname;
      if (cname.isEmpty()) {
        out.add(Violation.required(SPEC.child("externalName")));
      } else {
        for (Message m : Names.dns1123Subdomain(cname)) {
          out.add(Violation.invalid(SPEC.child("externalName"), cname, m));
        }
      }
    }
    if (spec.getSelector() != null) {
      out.addAll(MetaChecks.labels(spec.getSelector(), SPEC.child("selector")));
    }
    String affinity = spec.getSessionAffinity() == null ? "" : spec.getSessionAffinity();
    FieldPath configPath = SPEC.child("sessionAffinityConfig");
    if (affinity.isEmpty()) {
      out.add(Violation.required(SPEC.child("sessionAffinity")));
    } else if (!AFFINITIES.contains(affinity)) {
      out.add(Violation.notSupported(SPEC.child("sessionAffinity"), affinity, AFFINITIES));
    }
    SessionAffinityConfig config = spec.getSessionAffinityConfig();
    if (affinity.equals("ClientIP")) {
      Message when = Message.of("service-affinity-required", "ClientIP");
      if (config == null) {
        out.add(Violation.required(configPath, when));
      } else if (config.getClientIP() == null) {
        out.add(Violation.required(configPath.child("clientIP"), when));
      } else if (config.getClientIP().getTimeoutSeconds() == null) {
        out.add(Violation.required(configPath.child("clientIP", "timeoutSeconds"), when));
      } else {
        int t = config.getClientIP().getTimeoutSeconds();
        if (t <= 0 || t > MAX_AFFINITY_SECONDS) {
          out.add(Violation.invalid(configPath.child("clientIP", "timeoutSeconds"), t,
              Message.of("service-affinity-timeout", MAX_AFFINITY_SECONDS)));
        }
      }
    } else if (affinity.equals("None") && config != null) {
      out.add(Violation.forbidden(configPath, Message.of("service-affinity-none")));
    }
    return out;
  }
}
