import { execFileSync } from "node:child_process";
import fs from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/**
 * The IDE page is tested in a real browser: Debian's Chromium. A fresh machine does not have
 * it, so the test command installs it when it can (root with apt-get), and says how otherwise.
 */
export function ensureChromium(): void {
  if (process.env.CHROMIUM_PATH || CANDIDATES.some((p) => fs.existsSync(p))) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !fs.existsSync("/usr/bin/apt-get")) {
    console.warn(
      "Chromium is missing: install it (apt-get install -y chromium) or set CHROMIUM_PATH; the browser tests will fail.",
    );
    return;
  }
  console.log("Installing Debian's Chromium for the browser tests (once per machine)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
}
