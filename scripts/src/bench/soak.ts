import autocannon, { type Result } from "autocannon";
import { rssMegabytes } from "./processes.js";
import type { Scenario, ScenarioContext } from "./scenarios.js";
import { counted } from "./load.js";
import { machine, median } from "./report.js";

export interface SoakResult {
  seconds: number;
  requests: number;
  errors: number;
  byScenario: { name: string; requests: number; errors: number; p99: number }[];
  /** Per process: median RSS over the first and the last minute after warm-up, and the peak. */
  memory: { name: string; firstMb: number; lastMb: number; peakMb: number; growth: number; byMinute: number[] }[];
}

/**
 * Every scenario at once against one gateway for `seconds`, the connections shared among
 * them, with each process's RSS sampled every 5 s: memory should stay flat (growth under 10 %
 * from the first minute to the last, after `warmupSeconds`) and nothing should fail.
 */
export async function soak(
  url: string,
  scenarios: Scenario[],
  ctx: ScenarioContext,
  pids: ReadonlyMap<string, number>,
  opts: { seconds: number; connections: number; warmupSeconds: number },
): Promise<SoakResult> {
  const samples = new Map<string, { at: number; mb: number }[]>([...pids.keys()].map((n) => [n, []]));
  const started = Date.now();
  const timer = setInterval(() => {
    for (const [name, pid] of pids)
      samples.get(name)!.push({ at: (Date.now() - started) / 1000, mb: rssMegabytes(pid) });
  }, 5000);
  const perScenario = Math.max(1, Math.floor(opts.connections / scenarios.length));
  const runs = await Promise.all(
    scenarios.map(async (s) => {
      let bad = 0;
      const result: Result = await autocannon({
        url,
        connections: perScenario,
        duration: opts.seconds,
        requests: counted(s.requests(ctx), () => bad++),
      });
      return {
        name: s.name,
        requests: result.requests.total,
        errors: result.errors + result.timeouts + result.non2xx + bad,
        p99: result.latency.p99,
      };
    }),
  );
  clearInterval(timer);
  const end = (Date.now() - started) / 1000;
  const memory = [...samples].map(([name, xs]) => {
    const first = xs.filter((x) => x.at >= opts.warmupSeconds && x.at < opts.warmupSeconds + 60).map((x) => x.mb);
    const last = xs.filter((x) => x.at >= end - 60).map((x) => x.mb);
    const [firstMb, lastMb] = [median(first), median(last)];
    const minutes = Math.ceil(end / 60);
    const byMinute = Array.from({ length: minutes }, (_, m) =>
      median(xs.filter((x) => x.at >= m * 60 && x.at < (m + 1) * 60).map((x) => x.mb)),
    );
    return {
      name,
      firstMb,
      lastMb,
      peakMb: Math.max(...xs.map((x) => x.mb)),
      growth: (lastMb - firstMb) / firstMb,
      byMinute,
    };
  });
  return {
    seconds: opts.seconds,
    requests: runs.reduce((a, r) => a + r.requests, 0),
    errors: runs.reduce((a, r) => a + r.errors, 0),
    byScenario: runs,
    memory,
  };
}

export function soakReport(database: string, r: SoakResult, connections: number, warmupSeconds: number): string[] {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const worst = Math.max(...r.memory.map((m) => m.growth));
  return [
    `# Soak: every scenario at once for ${r.seconds / 60} minutes (${database}, full dataset)`,
    "",
    machine(),
    "",
    `${connections} connections shared by ${r.byScenario.length} scenarios (autocannon, one instance each), against ` +
      "our gateway (response cache off). RSS sampled every 5 s; growth compares the median of the first minute after " +
      `a ${warmupSeconds} s warm-up with the median of the last minute.`,
    "",
    "| Scenario | requests | errors | p99 ms |",
    "|---|---:|---:|---:|",
    ...r.byScenario.map((s) => `| ${s.name} | ${s.requests} | ${s.errors} | ${s.p99} |`),
    `| all | ${r.requests} | ${r.errors} | |`,
    "",
    "| Process | RSS first minute MB | RSS last minute MB | peak MB | growth |",
    "|---|---:|---:|---:|---:|",
    ...r.memory.map(
      (m) =>
        `| ${m.name} | ${m.firstMb.toFixed(0)} | ${m.lastMb.toFixed(0)} | ${m.peakMb.toFixed(0)} | ${pct(m.growth)} |`,
    ),
    "",
    "Median RSS (MB) in each minute of the run:",
    "",
    `| Process | ${r.memory[0]?.byMinute.map((_, i) => `min ${i + 1}`).join(" | ")} |`,
    `|---|${r.memory[0]?.byMinute.map(() => "---:").join("|")}|`,
    ...r.memory.map((m) => `| ${m.name} | ${m.byMinute.map((x) => x.toFixed(0)).join(" | ")} |`),
    "",
    `Goal (issue 7): growth under 10 % and zero errors: ${worst < 0.1 && r.errors === 0 ? "met" : "missed"} ` +
      `(largest growth ${pct(worst)}, ${r.errors} errors in ${r.requests} requests).`,
  ];
}
