import fs from "node:fs";

/** CPU time (user + system) a process has used so far, in milliseconds, from /proc. */
export function cpuMillis(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** Resident memory of a process now, in MB. */
export function rssMegabytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** Samples each process's CPU and peak RSS over one measured interval. */
export class ProcessMeter {
  private readonly cpuAtStart = new Map<string, number>();
  private readonly peak = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly pids: ReadonlyMap<string, number>) {}

  start(): void {
    for (const [name, pid] of this.pids) {
      this.cpuAtStart.set(name, cpuMillis(pid));
      this.peak.set(name, rssMegabytes(pid));
    }
    this.timer = setInterval(() => {
      for (const [name, pid] of this.pids) this.peak.set(name, Math.max(this.peak.get(name)!, rssMegabytes(pid)));
    }, 200);
  }

  /** CPU milliseconds used and peak RSS (MB) per process since start(). */
  stop(): Map<string, { cpuMs: number; peakRssMb: number }> {
    clearInterval(this.timer);
    const out = new Map<string, { cpuMs: number; peakRssMb: number }>();
    for (const [name, pid] of this.pids) {
      out.set(name, {
        cpuMs: cpuMillis(pid) - this.cpuAtStart.get(name)!,
        peakRssMb: Math.max(this.peak.get(name)!, rssMegabytes(pid)),
      });
    }
    return out;
  }
}
