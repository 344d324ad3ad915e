package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Defaults;
import dev.stskit.validation.internal.Names;
import dev.stskit.validation.internal.PodTemplateCheck;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.HostAlias;
import io.fabric8.kubernetes.api.model.PodDNSConfig;
import io.fabric8.kubernetes.api.model.PodDNSConfigOption;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/**
 * DNS policy and config, host aliases, hostname and subdomain.
 *
 * <p>Follows {@code validateDNSPolicy}, {@code validatePodDNSConfig}, {@code ValidateHostAliases} and the
 * hostname/subdomain checks of {@code ValidatePodSpec} in {@code pkg/apis/core/validation/validation.go}.
 * IPs are checked as legacy fields ({@code IsValidIPForLegacyField}), which tolerates leading zeros in
 * IPv4 octets.
 *
 * <p>Checked fields: {@code dnsPolicy}, {@code dnsConfig}, {@code hostAliases} under {@code spec.template.spec}.
 *
 * <p>Allowed values: dnsPolicy {@code ClusterFirst}, {@code ClusterFirstWithHostNet}, {@code Default} or
 * {@code None} (which needs dnsConfig with a nameserver); at most 3 nameservers, each an IP; at most 32
 * search domains, DNS subdomains, 2048 characters in all; option names non-empty; host alias IPs valid
 * and hostnames DNS subdomains; hostname and subdomain DNS labels.
 */
@RuleInfo(id = "k8s-pod-dns", severity = Severity.ERROR,
    summary = "DNS policy, DNS config, host aliases, hostname or subdomain that kube-apiserver rejects")
@PodTemplateCheck
public final class PodDns implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    if (!Pods.templateIsValidated(sts)) {
      return out;
    }
    PodSpec pod = Pods.podSpec(sts);
    FieldPath ps = Pods.POD_SPEC;
    String policy = Pods.str(pod.getDnsPolicy());
    switch (policy) {
      case "ClusterFirst", "ClusterFirstWithHostNet", "Default", "None" -> { }
      case "" -> out.add(Violation.required(ps.child("dnsPolicy")));
      default -> out.add(Violation.notSupported(ps.child("dnsPolicy"), policy,
          List.of("ClusterFirst", "ClusterFirstWithHostNet", "Default", "None")));
    }
    dnsConfig(out, pod.getDnsConfig(), policy, ps.child("dnsConfig"));
    List<HostAlias> aliases = Defaults.list(pod.getHostAliases());
    for (int i = 0; i < aliases.size(); i++) {
      HostAlias a = aliases.get(i);
      if (a == null) {
        continue;
      }
      FieldPath p = ps.child("hostAliases").index(i);
      legacyIp(out, Pods.str(a.getIp()), p.child("ip"));
      List<String> hostnames = Defaults.list(a.getHostnames());
      for (int j = 0; j < hostnames.size(); j++) {
        String h = Pods.str(hostnames.get(j));
        for (Message m : Names.dns1123Subdomain(h)) {
          out.add(Violation.invalid(p.child("hostnames").index(j), h, m));
        }
      }
    }
    // hostname and subdomain are not validated in a StatefulSet's template: ValidateStatefulSetSpec clears
    // them on the copy it validates, since the controller overwrites both (initIdentity); the conformance
    // suite saw the apiserver accept an invalid hostname
    return out;
  }

  private static void dnsConfig(List<Violation> out, PodDNSConfig cfg, String policy, FieldPath path) {
    if (policy.equals("None")) {
      if (cfg == null) {
        out.add(Violation.required(path, Message.of("dns-none-config")));
        return;
      }
      if (Defaults.list(cfg.getNameservers()).isEmpty()) {
        out.add(Violation.required(path.child("nameservers"), Message.of("dns-none-nameserver")));
        return;
      }
    }
    if (cfg == null) {
      return;
    }
    List<String> ns = Defaults.list(cfg.getNameservers());
    if (ns.size() > 3) {
      out.add(Violation.invalid(path.child("nameservers"), String.valueOf(ns), Message.of("max-nameservers", 3)));
    }
    for (int i = 0; i < ns.size(); i++) {
      legacyIp(out, Pods.str(ns.get(i)), path.child("nameservers").index(i));
    }
    List<String> searches = Defaults.list(cfg.getSearches());
    if (searches.size() > 32) {
      out.add(Violation.invalid(path.child("searches"), String.valueOf(searches), Message.of("max-searches", 32)));
    }
    if (String.join(" ", searches.stream().map(Pods::str).toList()).length() > 2048) {
      out.add(Violation.invalid(path.child("searches"), String.valueOf(searches), Message.of("max-search-chars", 2048)));
    }
    for (int i = 0; i < searches.size(); i++) {
      String s = Pods.str(searches.get(i));
      if (s.equals(".")) {
        continue;
      }
      String trimmed = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
      for (Message m : Names.dns1123Subdomain(trimmed)) {
        out.add(Violation.invalid(path.child("searches").index(i), trimmed, m));
      }
    }
    List<PodDNSConfigOption> options = Defaults.list(cfg.getOptions());
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i) == null || Pods.str(options.get(i).getName()).isEmpty()) {
        out.add(Violation.required(path.child("options").index(i), Message.of("must-not-be-empty")));
      }
    }
  }

  private static void legacyIp(List<Violation> out, String ip, FieldPath path) {
    if (ip.isEmpty()) {
      out.add(Violation.required(path));
      return;
    }
    String normalized = ip.contains(":") ? ip : stripLeadingZeros(ip);
    if (!Names.isIp(normalized)) {
      out.add(Violation.invalid(path, ip, Message.of("ip")));
    }
  }

  private static String stripLeadingZeros(String v4) {
    String[] parts = v4.split("\\.", -1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i].replaceFirst("^0+(?=\\d)", "");
      sb.append(i == 0 ? "" : ".").append(p);
    }
    return sb.toString();
  }
}
