import type { StockRole } from "./evidence.js";

// Images a team runs as they come (databases, caches, queues, proxies):
// workloads that run them are listed apart and not counted as the team's
// services. Matched by the image's name without registry, owner or tag.
const STOCK: Readonly<Record<string, StockRole>> = {
  postgres: "database",
  postgresql: "database",
  postgis: "database",
  mysql: "database",
  mariadb: "database",
  mongo: "database",
  mongodb: "database",
  cassandra: "database",
  couchdb: "database",
  couchbase: "database",
  "cockroach": "database",
  clickhouse: "database",
  "clickhouse-server": "database",
  influxdb: "database",
  neo4j: "database",
  "dynamodb-local": "database",
  pgbouncer: "database",
  mssql: "database",
  "mssql-server": "database",
  // Microsoft's edge SQL Server image (mcr.microsoft.com/azure-sql-edge), as docker/awesome-compose (18f59bd) runs it.
  "azure-sql-edge": "database",
  redis: "cache",
  // Redis with its modules: redislabs/redismod, and Redis Stack's redis/redis-stack and redis/redis-stack-server (hub.docker.com/r/redis/redis-stack, checked 2026-12-07).
  redismod: "cache",
  "redis-stack": "cache",
  "redis-stack-server": "cache",
  valkey: "cache",
  memcached: "cache",
  rabbitmq: "queue",
  kafka: "queue",
  "cp-kafka": "queue",
  zookeeper: "queue",
  "cp-zookeeper": "queue",
  nats: "queue",
  activemq: "queue",
  "artemis": "queue",
  pulsar: "queue",
  // Kafka's API without the JVM: docker.redpanda.com/redpandadata/redpanda, formerly vectorized/redpanda (docs.redpanda.com's quickstart, checked 2026-12-07).
  redpanda: "queue",
  elasticsearch: "search",
  opensearch: "search",
  solr: "search",
  meilisearch: "search",
  minio: "storage",
  seaweedfs: "storage",
  localstack: "storage",
  azurite: "storage",
  nginx: "proxy",
  traefik: "proxy",
  envoy: "proxy",
  haproxy: "proxy",
  caddy: "proxy",
  prometheus: "monitoring",
  grafana: "monitoring",
  "all-in-one": "monitoring",
  jaeger: "monitoring",
  "opentelemetry-collector": "monitoring",
  "opentelemetry-collector-contrib": "monitoring",
  zipkin: "monitoring",
  kibana: "monitoring",
  logstash: "monitoring",
  fluentd: "monitoring",
  "fluent-bit": "monitoring",
  loki: "monitoring",
  promtail: "monitoring",
  tempo: "monitoring",
  alertmanager: "monitoring",
  heapster: "monitoring",
  "heapster-grafana": "monitoring",
  "heapster-influxdb": "monitoring",
  "kube-state-metrics": "monitoring",
  cadvisor: "monitoring",
  // Add-ons a cluster runs as they come, by their charts' and images' names (as Flux's HelmReleases and its bootstrap install them).
  "cert-manager": "tool",
  "external-dns": "tool",
  "cluster-autoscaler": "tool",
  "aws-load-balancer-controller": "tool",
  karpenter: "tool",
  "metrics-server": "monitoring",
  "kube-prometheus-stack": "monitoring",
  "ingress-nginx": "proxy",
  "envoy-gateway": "proxy",
  "source-controller": "tool",
  "kustomize-controller": "tool",
  "helm-controller": "tool",
  "notification-controller": "tool",
  "image-reflector-controller": "tool",
  "image-automation-controller": "tool",
  mailhog: "tool",
  mailpit: "tool",
  adminer: "tool",
  pgadmin4: "tool",
  busybox: "tool",
  "tiny-tools": "tool",
  consul: "tool",
  vault: "tool",
  etcd: "tool",
};

/** What a stock image is for, or undefined for the team's own (or an unknown) image. */
export function stockRole(image: string): StockRole | undefined {
  // registry/owner/name:tag@digest -> name, less the architecture some registries name images by (heapster-amd64).
  const withoutDigest = image.split("@")[0]!;
  const name = withoutDigest
    .slice(withoutDigest.lastIndexOf("/") + 1)
    .split(":")[0]!
    .toLowerCase()
    .replace(/[-_](amd64|arm64|arm|ppc64le|s390x)$/, "");
  if (name.includes("${") || name.includes("{{")) return undefined;
  if (Object.prototype.hasOwnProperty.call(STOCK, name)) return STOCK[name];
  // Prometheus exporters (kbudde/rabbitmq-exporter, prom/mysqld-exporter, redis_exporter) are sidecars as they come.
  if (/[-_]exporter$/.test(name)) return "monitoring";
  // A database image of the team's own, seeded with its data (weaveworksdemos/catalogue-db), is a database all the same.
  return /[-_](db|database)$/.test(name) ? "database" : undefined;
}
