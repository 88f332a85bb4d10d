import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mayReadFromReplica } from "./read-consistency.js";

describe("which requests may read from a replica", () => {
  it("a query may; a mutation, a document naming one, a read the gateway makes for a mutation, or no document may not", () => {
    const cases: [unknown, string | undefined, boolean][] = [
      [{ query: "query Units { administrativeUnits { code } }" }, undefined, true],
      [{ query: '{ organisation(id: "HND-883") { name } }' }, undefined, true],
      [
        { query: "query($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }" },
        undefined,
        true,
      ],
      [{ query: "query($r: [_Any!]!) { _entities(representations: $r) { __typename } }" }, "1", false],
      [{ query: "mutation($input: RecordMemberInput!) { recordMember(input: $input) { id } }" }, undefined, false],
      [{ query: "query A { a } mutation B { b }", operationName: "A" }, undefined, false],
      [{ extensions: { persistedQuery: { sha256Hash: "abc" } } }, undefined, false],
      [undefined, undefined, false],
    ];
    for (const [body, header, expected] of cases) {
      assert.equal(mayReadFromReplica(body, header), expected, JSON.stringify({ body, header }));
    }
  });
});
