// A small evaluator of Kubernetes NetworkPolicy semantics over a model of pods, enough to compute
// which connections a set of rendered policies allows: peers by podSelector (policy's namespace),
// namespaceSelector (kubernetes.io/metadata.name), or both; ports by number or container-port name;
// a pod selected by a policy of a direction allows only what that policy lists in that direction.
import type { K8sObject } from './k8s-models';

type Labels = Record<string, string>;

export interface Pod {
  readonly id: string;
  readonly namespace: string;
  readonly labels: Labels;
  /** Container ports: name → number. */
  readonly ports: Record<string, { port: number; protocol: 'TCP' | 'UDP' }>;
}

interface Peer {
  podSelector?: { matchLabels?: Labels };
  namespaceSelector?: { matchLabels?: Labels };
  ipBlock?: unknown;
}

interface Rule {
  from?: Peer[];
  to?: Peer[];
  ports?: { port?: string | number; protocol?: string }[];
}

interface PolicySpec {
  podSelector: { matchLabels?: Labels };
  policyTypes: ('Ingress' | 'Egress')[];
  ingress?: Rule[] | null;
  egress?: Rule[] | null;
}

export interface Policy {
  readonly namespace: string;
  readonly spec: PolicySpec;
}

export function policyOf(obj: K8sObject, namespace: string): Policy {
  return { namespace, spec: obj['spec'] as PolicySpec };
}

const matches = (selector: Labels | undefined, labels: Labels): boolean =>
  Object.entries(selector ?? {}).every(([k, v]) => labels[k] === v);

function peerMatches(peer: Peer, pod: Pod, policyNamespace: string): boolean {
  if (peer.ipBlock) return false; // pods are addressed by selectors in this model
  const namespaceOk = peer.namespaceSelector
    ? matches(peer.namespaceSelector.matchLabels, { 'kubernetes.io/metadata.name': pod.namespace })
    : pod.namespace === policyNamespace;
  return namespaceOk && (!peer.podSelector || matches(peer.podSelector.matchLabels, pod.labels));
}

function portMatches(rule: Rule, target: Pod, portName: string): boolean {
  const port = target.ports[portName];
  if (!port) return false;
  if (!rule.ports || rule.ports.length === 0) return true;
  return rule.ports.some(
    (p) =>
      (p.protocol ?? 'TCP') === port.protocol &&
      (p.port === undefined || p.port === port.port || p.port === portName),
  );
}

function allows(
  policies: readonly Policy[],
  subject: Pod,
  direction: 'Ingress' | 'Egress',
  peer: Pod,
  target: Pod,
  portName: string,
): boolean {
  const applicable = policies.filter(
    (p) =>
      p.namespace === subject.namespace &&
      p.spec.policyTypes.includes(direction) &&
      matches(p.spec.podSelector.matchLabels, subject.labels),
  );
  if (applicable.length === 0) return true;
  return applicable.some((p) =>
    ((direction === 'Ingress' ? p.spec.ingress : p.spec.egress) ?? []).some((rule) => {
      // A rule without peers admits every peer: exactly the mistake this evaluator must expose.
      const peers = direction === 'Ingress' ? rule.from : rule.to;
      const peerOk = !peers || peers.length === 0 || peers.some((sel) => peerMatches(sel, peer, p.namespace));
      return peerOk && portMatches(rule, target, portName);
    }),
  );
}

/** Every allowed "source → target:port" among the pods, skipping a pod talking to itself. */
export function allowedConnections(pods: readonly Pod[], policies: readonly Policy[]): string[] {
  const allowed: string[] = [];
  for (const source of pods) {
    for (const target of pods) {
      if (source === target) continue;
      for (const portName of Object.keys(target.ports)) {
        const egressOk = allows(policies, source, 'Egress', target, target, portName);
        const ingressOk = allows(policies, target, 'Ingress', source, target, portName);
        if (egressOk && ingressOk) allowed.push(`${source.id} -> ${target.id}:${portName}`);
      }
    }
  }
  return allowed.sort();
}
