import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createLogger } from "../logger.js";
import { testPostgresServerUrl } from "../testing/test-database.js";
import { createDataSource } from "./data-source.js";

/**
 * The PostgreSQL sessions a subgraph opens: named after it, and without JIT compilation (a members
 * page on a recursive CTE spent 1.1 s compiling and 2 ms running; the gateway gave up on it).
 * Against this machine's PostgreSQL server, whatever TEST_DATABASE says.
 */
describe("a subgraph's PostgreSQL sessions", () => {
  it("run without JIT and carry the service's name", async () => {
    const ds = createDataSource({
      service: "organisations",
      databaseUrl: testPostgresServerUrl(),
      entities: [],
      migrations: [],
      logger: createLogger("data-source-test", "silent"),
    });
    await ds.initialize();
    try {
      const [row] = (await ds.query(
        "SELECT current_setting('jit') AS jit, current_setting('application_name') AS name",
      )) as { jit: string; name: string }[];
      assert.deepEqual({ ...row }, { jit: "off", name: "danvan-organisations" });
    } finally {
      await ds.destroy();
    }
  });
});
