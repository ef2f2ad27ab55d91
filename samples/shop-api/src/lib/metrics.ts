const startedAt = Date.now();
let requestCount = 0;
let errorCount = 0;
const byStatus: Record<string, number> = {};

export function recordRequest(status: number): void {
  requestCount += 1;
  const bucket = `${Math.floor(status / 100)}xx`;
  byStatus[bucket] = (byStatus[bucket] ?? 0) + 1;
  if (status >= 500) errorCount += 1;
}

export function snapshot() {
  return {
    startedAt: new Date(startedAt).toISOString(),
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    requests: requestCount,
    errors: errorCount,
    byStatus: { ...byStatus },
    memoryRssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
  };
}
