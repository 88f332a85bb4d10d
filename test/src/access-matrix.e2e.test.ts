import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { isDeepStrictEqual } from "node:util";
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isNonNullType,
  isObjectType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from "graphql";
import { startFederation, type Federation, type GraphQLResponse } from "./support/federation.js";
import {
  accessOf,
  isPagingType,
  MATRIX_ROLES,
  MUST_NOT_SEE,
  REFERENCE_ROLE,
  TYPE_POLICY,
  type MatrixRole,
} from "./support/access-policy.js";
import {
  at,
  COMMUNE,
  DISTRICT,
  fieldSelection,
  inPool,
  literal,
  locators,
  rootArgs,
  SESSION_DAY,
  subselection,
  type Path,
  type Samples,
} from "./support/access-matrix-queries.js";

/**
 * The role × field matrix over the whole supergraph, through the real gateway: every field of
 * every object type reachable from Query, asked by every role, compared with what the policy
 * (support/access-policy.ts) says that role may see. A role that must not see a field gets an
 * error, nothing, or a masked value — never the true one; a role that may see it gets exactly
 * the true one. Every mutation is refused to the public and to analysts. Then the logs of every
 * process, written at debug level, are searched for every token, secret and personal value.
 */

const AUTH_CODES = new Set(["UNAUTHENTICATED", "FORBIDDEN"]);
const DENOUNCER = {
  fullName: "Trần Thị Kín Đáo",
  address: "Số 17 đường Bí Mật, Phường Mỹ Bình",
  phone: "0909517246",
  idNumber: "089123456789",
};

function personalStrings(value: unknown): string[] {
  if (typeof value === "string") return value.length >= 6 ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(personalStrings);
  if (value && typeof value === "object") return Object.values(value).flatMap(personalStrings);
  return [];
}

describe("role × field access matrix over the supergraph", () => {
  let f: Federation;
  let schema: GraphQLSchema;
  let samples: Samples;
  const tokens = new Map<MatrixRole, string | undefined>();
  /** True values of personal and confidential fields: none may reach a log. */
  const personal = new Set<string>(Object.values(DENOUNCER));

  const ask = (role: MatrixRole, query: string, variables?: Record<string, unknown>) =>
    f.query(query, { token: tokens.get(role), variables });

  before(async () => {
    f = await startFederation({ logLevel: "debug" });
    tokens.set("public", undefined);
    tokens.set("admin", await f.token({ sub: "matrix-admin", roles: ["ADMIN"] }));
    tokens.set("analyst", await f.token({ sub: "matrix-analyst", roles: ["ANALYST"] }));
    tokens.set("officerInScope", await f.token({ sub: "matrix-officer", roles: ["OFFICER"], unitCode: DISTRICT }));
    tokens.set(
      "handlingOfficer",
      await f.token({ sub: "matrix-handler", roles: ["OFFICER", "HANDLING_OFFICER"], unitCode: DISTRICT }),
    );
    const intro = await ask("admin", getIntrospectionQuery());
    assert.equal(intro.body.errors, undefined, intro.text.slice(0, 300));
    schema = buildClientSchema(intro.body.data as unknown as IntrospectionQuery);
    samples = await discoverSamples();
    tokens.set(
      "officerOutOfScope",
      await f.token({ sub: "matrix-outsider", roles: ["OFFICER"], unitCode: samples.otherDistrict }),
    );
  });
  after(() => f?.stop());

  async function adminData(query: string): Promise<Record<string, unknown>> {
    const r = await ask("admin", query);
    assert.equal(r.body.errors, undefined, `${query}\n${r.text.slice(0, 500)}`);
    return r.body.data!;
  }

  /** A model registered by a person (whose name is personal), through the gateway. */
  async function registerIndividualModel(organisationId: string): Promise<{ id: string }> {
    const r = await ask(
      "officerInScope",
      `mutation { registerModel(input: { name: "Mô hình nuôi cá sạch", field: ECONOMY, track: GENERAL,
        registrantKind: INDIVIDUAL, registrantName: "Lê Văn Riêng Tư", organisationId: "${organisationId}",
        unitCode: "${COMMUNE}", year: 2019, registeredOn: "2019-02-01" }) { id } }`,
    );
    assert.equal(r.body.errors, undefined, r.text.slice(0, 500));
    return r.body.data!.registerModel as { id: string };
  }

  /** A citizen-reception session where the petition was received; its position in its day's list. */
  async function recordSession(petition: string): Promise<number> {
    const r = await ask(
      "officerInScope",
      `mutation { recordReceptionSession(input: { kind: RECEPTION, unitCode: "${COMMUNE}", presiderRole: CHAIR,
        presiderName: "Nguyễn Văn Chủ Tịch", heldOn: "2019-03-04", place: "Trụ sở UBND phường", citizensReceived: 3,
        petitionIds: ["${petition}"] }) { id } }`,
    );
    assert.equal(r.body.errors, undefined, r.text.slice(0, 500));
    const id = (r.body.data!.recordReceptionSession as { id: string }).id;
    const day = await adminData(`{ receptionSessions(${SESSION_DAY}, first: 100) { edges { node { id } } } }`);
    const index = (day.receptionSessions as { edges: { node: { id: string } }[] }).edges.findIndex(
      (e) => e.node.id === id,
    );
    assert.ok(index >= 0, "the new session is not in its day's list");
    return index;
  }

  /** Records in the in-scope district with every field the matrix compares filled in. */
  async function discoverSamples(): Promise<Samples> {
    type Nodes<T> = { edges: { node: T }[] };
    const nodes = <T>(c: unknown) => (c as Nodes<T>).edges.map((e) => e.node);
    const d = await adminData(`{
      districts: administrativeUnits(parentCode: "89", asOf: "2020-01-01") { code }
      organisations(unitCode: "${DISTRICT}", includeBelow: true, first: 100) { edges { node { id memberCount(asOf: "2020-01-01") fund { id } positions { id } } } }
      households(unitCode: "${COMMUNE}", first: 50) { edges { node { id address classifications { year } supportEvents { id } } } }
      solidarityHouses(unitCode: "${DISTRICT}", first: 50) { edges { node { id sponsorName } } }
      memberProjects(unitCode: "${DISTRICT}", first: 1) { edges { node { id } } }
      mobilisationModels(unitCode: "${DISTRICT}", first: 100) { edges { node { id registrantKind } } }
    }`);
    const orgs = nodes<{ id: string; memberCount: number; fund: { id: string } | null; positions: unknown[] }>(
      d.organisations,
    );
    const found = <T>(x: T | undefined, what: string): T => {
      assert.ok(x, `the small dataset has no ${what} in ${DISTRICT}`);
      return x;
    };
    const organisation = found(
      orgs.find((o) => o.memberCount > 0),
      "committee with members",
    ).id;
    const fundId = found(
      orgs.find((o) => o.fund),
      "committee with a fund",
    ).fund!.id;
    const households = nodes<{
      id: string;
      address: string | null;
      classifications: unknown[];
      supportEvents: unknown[];
    }>(d.households);
    const household = found(
      households.find((h) => h.address && h.classifications.length && h.supportEvents.length),
      "household with an address, reviews and support",
    );
    const houses = nodes<{ id: string; sponsorName: string | null }>(d.solidarityHouses);
    const house = houses.find((h) => h.sponsorName) ?? houses[0];
    const model =
      nodes<{ id: string; registrantKind: string }>(d.mobilisationModels).find(
        (x) => x.registrantKind === "INDIVIDUAL",
      ) ?? (await registerIndividualModel(organisation));
    const m = await adminData(
      `{ organisation(id: "${organisation}") { members(first: 1) { edges { node { id } } } } }`,
    );
    const member = nodes<{ id: string }>((m.organisation as { members: unknown }).members)[0]!.id;
    const c = await adminData(`{ campaigns(first: 100) { edges { node { id phases { id } } } } }`);
    const campaign = nodes<{ id: string; phases: unknown[] }>(c.campaigns).find((x) => x.phases.length)!.id;
    // A denunciation with its denouncer named, submitted and accepted through the gateway.
    const sub = await ask(
      "officerInScope",
      `mutation($d: DenouncerInput) { submitPetition(input: { kind: DENUNCIATION, channel: DIRECT, communeCode: "${COMMUNE}",
        summary: "Tố cáo cán bộ ấp nhận tiền hỗ trợ", receivedOn: "2019-03-04", handlingOfficer: "matrix-handler",
        handledByOrganisationId: "MTTQ-${DISTRICT}", denouncer: $d, idempotencyKey: "matrix-petition-1" }) { id } }`,
      { d: DENOUNCER },
    );
    assert.equal(sub.body.errors, undefined, sub.text.slice(0, 500));
    const petition = (sub.body.data!.submitPetition as { id: string }).id;
    const acc = await ask(
      "handlingOfficer",
      `mutation { acceptPetition(input: { petitionId: "${petition}", expectedVersion: 1, on: "2019-03-06",
        note: "Đã làm việc với bà Trần Thị Kín Đáo" }) { status } }`,
    );
    assert.equal(acc.body.errors, undefined, acc.text.slice(0, 500));
    // Verified and resolved with a conclusion: free text (the note above, the conclusion) analysts must not read.
    const res = await ask(
      "handlingOfficer",
      `mutation { startVerification(input: { petitionId: "${petition}", expectedVersion: 2, on: "2019-03-07" }) { status }
        resolvePetition(input: { petitionId: "${petition}", expectedVersion: 3, on: "2019-03-20",
        outcome: UPHELD, conclusion: "Tố cáo đúng một phần; đã kiến nghị xử lý cán bộ ấp" }) { status } }`,
    );
    assert.equal(res.body.errors, undefined, res.text.slice(0, 500));
    return {
      organisation,
      positionsOrganisation: orgs.find((o) => o.positions.length)!.id,
      member,
      campaign,
      fund: fundId,
      household: household.id,
      house: found(house, "a Great Solidarity house").id,
      project: found(nodes<{ id: string }>(d.memberProjects)[0], "a member project").id,
      model: model.id,
      petition,
      sessionIndex: await recordSession(petition),
      otherDistrict: (d.districts as { code: string }[]).find((x) => x.code !== DISTRICT)!.code,
    };
  }

  it("checks every field of every type reachable from Query, for every role", async () => {
    // Every reachable type has a policy and a locator; no policy names a type the graph lost.
    const locs = locators(samples);
    const reachable = new Set<string>();
    const queue: GraphQLObjectType[] = [schema.getQueryType()!];
    while (queue.length) {
      const t = queue.shift()!;
      if (reachable.has(t.name)) continue;
      reachable.add(t.name);
      for (const field of Object.values(t.getFields())) {
        const named = getNamedType(field.type);
        if (isObjectType(named)) queue.push(named);
      }
    }
    const types = [...reachable].filter((t) => !isPagingType(t)).sort();
    assert.deepEqual(
      types.filter((t) => !TYPE_POLICY[t] || !locs[t]),
      [],
      "types without an access policy or a locator",
    );
    assert.deepEqual(
      Object.keys(TYPE_POLICY).filter((t) => !reachable.has(t)),
      [],
      "policies of types the graph no longer has",
    );

    const roots = rootArgs(samples);
    const cells: { type: string; field: string; query: string; path: Path }[] = [];
    for (const type of types) {
      const t = schema.getType(type) as GraphQLObjectType;
      for (const field of Object.values(t.getFields())) {
        const loc = locs[type]!;
        cells.push({ type, field: field.name, query: loc.wrap(fieldSelection(type, field, roots)), path: loc.path });
      }
    }
    const answers = await inPool(
      cells.flatMap((cell) => MATRIX_ROLES.map((role) => async () => ({ cell, role, r: await ask(role, cell.query) }))),
      6,
    );
    const byCell = new Map<string, Map<MatrixRole, GraphQLResponse>>();
    for (const { cell, role, r } of answers) {
      const key = `${cell.type}.${cell.field}`;
      if (!byCell.has(key)) byCell.set(key, new Map());
      byCell.get(key)!.set(role, r);
    }

    const failures: string[] = [];
    let checked = 0;
    let refusedCells = 0;
    for (const cell of cells) {
      const key = `${cell.type}.${cell.field}`;
      const access = accessOf(cell.type, cell.field)!;
      const responses = byCell.get(key)!;
      const reference = responses.get(REFERENCE_ROLE[access])!;
      if (reference.status !== 200 || reference.body.errors) {
        failures.push(`${key}: the ${REFERENCE_ROLE[access]} gets no clean answer: ${reference.text.slice(0, 300)}`);
        continue;
      }
      const parent = at(reference.body.data, cell.path) as Record<string, unknown> | undefined;
      if (!parent || parent[cell.field] === undefined) {
        failures.push(`${key}: the sample has no value to compare (${cell.query})`);
        continue;
      }
      const truth = parent[cell.field];
      if (access === "personal" || access === "confidential") for (const s of personalStrings(truth)) personal.add(s);
      for (const role of MATRIX_ROLES) {
        const r = responses.get(role)!;
        const codes = (r.body.errors ?? []).map((e) => String(e.extensions?.code));
        const stray = codes.filter((c) => !AUTH_CODES.has(c));
        if (r.status !== 200 || stray.length) {
          failures.push(`${key} as ${role}: status ${r.status}, codes ${codes.join(",")}: ${r.text.slice(0, 200)}`);
          continue;
        }
        const own = at(r.body.data, cell.path) as Record<string, unknown> | undefined | null;
        const value = own?.[cell.field];
        const sees =
          own !== null && own !== undefined && isDeepStrictEqual(value, truth) && !(value === null && codes.length);
        const mustNot = MUST_NOT_SEE[access].includes(role);
        checked++;
        if (mustNot) refusedCells++;
        if (mustNot && sees)
          failures.push(`${key} (${access}) as ${role}: sees ${JSON.stringify(value).slice(0, 120)}`);
        if (!mustNot && !sees)
          failures.push(`${key} (${access}) as ${role}: expected the true value, got ${r.text.slice(0, 200)}`);
      }
    }
    console.log(
      `access matrix: ${types.length} types, ${cells.length} fields × ${MATRIX_ROLES.length} roles = ${checked} cells, ` +
        `${refusedCells} of them must-not-see`,
    );
    assert.deepEqual(failures, []);
    assert.ok(checked >= 6 * 300, `only ${checked} cells checked`);
  });

  it("refuses every mutation to the public and to analysts, before any input is read", async () => {
    const mutations = Object.values(schema.getMutationType()!.getFields());
    const failures: string[] = [];
    for (const m of mutations) {
      const args = m.args.filter((a) => isNonNullType(a.type)).map((a) => `${a.name}: ${literal(a.type)}`);
      const sel = subselection(m) ? ` { __typename }` : "";
      const doc = `mutation { ${m.name}${args.length ? `(${args.join(", ")})` : ""}${sel} }`;
      for (const [role, code] of [
        ["public", "UNAUTHENTICATED"],
        ["analyst", "FORBIDDEN"],
      ] as const) {
        const r = await ask(role, doc);
        const got = r.body.errors?.map((e) => e.extensions?.code);
        if (r.status !== 200 || !isDeepStrictEqual(got, [code]) || (r.body.data && r.body.data[m.name] !== null))
          failures.push(`${m.name} as ${role}: ${r.status} ${r.text.slice(0, 200)}`);
      }
    }
    console.log(`mutations: ${mutations.length} × 2 roles refused`);
    assert.deepEqual(failures, []);
    assert.ok(mutations.length >= 30);
  });

  it("echoes no confidential value in a validation error", async () => {
    const r = await ask(
      "officerInScope",
      `mutation($d: DenouncerInput) { submitPetition(input: { kind: DENUNCIATION, channel: DIRECT, communeCode: "${COMMUNE}",
        summary: "x", receivedOn: "2019-13-45", denouncer: $d, idempotencyKey: "matrix-petition-bad" }) { id } }`,
      { d: { ...DENOUNCER, phone: "phone 0909517246 x" } },
    );
    // The date is a literal of the document: a validation error at the gateway, naming the field.
    assert.equal(r.body.errors?.[0]?.extensions?.code, "GRAPHQL_VALIDATION_FAILED", r.text.slice(0, 300));
    assert.deepEqual(
      (r.body.errors?.[0]?.extensions?.fields as { path: string }[]).map((p) => p.path),
      ["input.receivedOn"],
    );
    for (const v of [...Object.values(DENOUNCER), "phone 0909517246 x"]) assert.ok(!r.text.includes(v), `echoed ${v}`);
  });

  it("writes no token, secret or personal value to any log, at debug level", async () => {
    const logs = f.gateway.output() + f.subgraphOutput();
    assert.ok(logs.length > 10_000, `the processes logged only ${logs.length} characters`);
    const secrets = [f.secrets.identitySecret, f.secrets.tokenSecret, ...[...tokens.values()].filter(Boolean)];
    for (const s of secrets) assert.ok(!logs.includes(s!), "a token or secret reached a log");
    // Tokens' signatures alone would be just as bad.
    for (const t of tokens.values())
      if (t) assert.ok(!logs.includes(t.split(".")[2]!), "a token signature reached a log");
    const leaked = [...personal].filter((p) => logs.includes(p));
    assert.deepEqual(leaked, [], "personal values in the logs");
    assert.ok(personal.size > 10, `only ${personal.size} personal values collected`);
    console.log(
      `log capture: ${logs.length} characters searched for ${secrets.length} secrets and ${personal.size} personal values`,
    );
  });
});
