import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import net from "node:net";
import { promisify } from "node:util";
import { freePort } from "./service-process.js";

const run = promisify(execFile);

describe("freePort", () => {
  it("hands out a port once, even when the OS offers it again before anyone binds it", async () => {
    // Ask many times without binding: the OS is free to offer a closed port again at once,
    // which is how two services of one federation once got the same port.
    const ports = [];
    for (let i = 0; i < 500; i++) ports.push(await freePort());
    assert.equal(new Set(ports).size, ports.length, "a port was handed out twice");
  });

  it("never hands two processes the same port (test files run side by side)", async () => {
    const script = `import { freePort } from ${JSON.stringify(new URL("./service-process.js", import.meta.url).href)};
      const ports = []; for (let i = 0; i < 300; i++) ports.push(await freePort()); console.log(JSON.stringify(ports));`;
    const outputs = await Promise.all(
      [1, 2, 3].map(() => run(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" })),
    );
    const all = outputs.flatMap((o) => JSON.parse(o.stdout) as number[]);
    assert.equal(all.length, 900);
    assert.equal(new Set(all).size, all.length, "two processes were handed the same port");
  });

  it("hands out a port that can be bound", async () => {
    const port = await freePort();
    const srv = net.createServer();
    await new Promise<void>((resolve, reject) => {
      srv.on("error", reject);
      srv.listen(port, "127.0.0.1", () => resolve());
    });
    await new Promise<void>((resolve) => srv.close(() => resolve()));
  });
});
