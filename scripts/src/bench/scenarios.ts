import { randomBytes } from "node:crypto";
import type { Request as LoadRequest } from "autocannon";
import { encodeCursor } from "@danvan/kit";
import { referenceUnits } from "@danvan/kit/units";
import { operation } from "../operations-manifest.js";

/** What a scenario's requests may use: tokens, and a run id for idempotency keys. */
export interface ScenarioContext {
  officerToken: string;
  analystToken: string;
  runId: string;
}

export interface Scenario {
  name: string;
  title: string;
  /** The subgraph that can answer it alone: the scenario also runs direct to it. */
  direct?: string;
  /** The bodies its requests cycle through, when known ahead (direct runs sign identities over them). */
  bodies?: string[];
  requests(ctx: ScenarioContext): LoadRequest[];
}

/** Requests that cycle through bodies, one per request. */
function cycling(bodies: string[], token?: string): LoadRequest {
  let next = 0;
  return { ...post(bodies[0]!, token), setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length]! }) };
}

const post = (body: string, token?: string): LoadRequest => ({
  method: "POST",
  path: "/graphql",
  headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body,
});

const json = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });

const LIST_20 = json(`query List20 { organisations(first: 20) { edges { node { id name kind } } } }`);
/** The same list from 168 different places: concurrent requests seldom coincide, so none share a fetch. */
const LIST_20_DISTINCT = referenceUnits.map((u) =>
  json(
    `query List20From($after: String) { organisations(first: 20, after: $after) { edges { node { id name kind } } } }`,
    {
      after: encodeCursor(`HND-${u.code}`),
    },
  ),
);
const CROSS_20 = json(
  `query Cross20 { mobilisationModels(first: 20) { edges { node { id name field unit { name } } } } }`,
);
/** Five districts' first hundred models each: 500 items, each joined to its unit in organisations. */
function cross500(): string {
  const districts = referenceUnits.filter((u) => u.level === "DISTRICT").slice(0, 5);
  const lists = districts.map(
    (d, i) =>
      `d${i}: mobilisationModels(unitCode: "${d.code}", first: 100) { edges { node { id name field unit { name } } } }`,
  );
  return json(`query Cross500 { ${lists.join(" ")} }`);
}
const PETITIONS = json(
  `query FilteredPetitions { petitions(unitCode: "883", kind: COMPLAINT, status: RESOLVED, first: 20) {
    totalCount edges { node { id kind status receivedOn dueOn closedOn isOverdue unit { name } } } } }`,
);
const SUBMIT = `mutation Submit($input: SubmitPetitionInput!) { submitPetition(input: $input) { id status dueOn } }`;
const ACCEPT = `mutation Accept($id: ID!) { acceptPetition(input: { petitionId: $id, expectedVersion: 1, on: "2020-06-03" }) { id status dueOn } }`;

function checkedIn(name: string): string {
  const op = operation(name);
  return json(op.document, op.variables);
}

/** What a connection remembers between its submission and the acceptance that follows. */
interface Submitted {
  id?: string;
}

export function scenarios(): Scenario[] {
  const list = LIST_20;
  return [
    {
      name: "list-20",
      title: "a 20-row list (organisations), public",
      direct: "organisations",
      bodies: [list],
      requests: () => [post(list)],
    },
    {
      name: "list-20-distinct",
      title: "a 20-row list from 168 different cursors (no two concurrent requests alike), public",
      direct: "organisations",
      bodies: LIST_20_DISTINCT,
      requests: () => [cycling(LIST_20_DISTINCT)],
    },
    {
      name: "cross-20",
      title: "a cross-subgraph list of 20 (models, each with its unit's name)",
      requests: () => [post(CROSS_20)],
    },
    {
      name: "cross-500",
      title: "a cross-subgraph list of 500 (five districts' models, each with its unit's name)",
      requests: () => [post(cross500())],
    },
    {
      name: "district-page",
      title: "the district page (all three subgraphs)",
      requests: () => [post(checkedIn("DistrictPage"))],
    },
    {
      name: "province-headline",
      title: "the province headline (analyst)",
      requests: (ctx) => [post(checkedIn("ProvinceHeadline"), ctx.analystToken)],
    },
    {
      name: "petition-list",
      title: "a filtered petition list (officer of Long Xuyên)",
      requests: (ctx) => [post(PETITIONS, ctx.officerToken)],
    },
    {
      name: "mutation-mix",
      title: "submit a petition, then accept it (officer)",
      requests: (ctx) => {
        // Fresh keys for every run: a replayed key answers with the earlier petition, already accepted.
        const run = `${ctx.runId}-${randomBytes(4).toString("hex")}`;
        let n = 0;
        return [
          {
            ...post("", ctx.officerToken),
            setupRequest: (req) => ({
              ...req,
              body: json(SUBMIT, {
                input: {
                  kind: "RECOMMENDATION",
                  channel: "DIRECT",
                  communeCode: "30280",
                  summary: "Kiến nghị về đường giao thông nông thôn",
                  receivedOn: "2020-06-01",
                  idempotencyKey: `bench-${run}-${n++}`,
                },
              }),
            }),
            onResponse: (_status, body, context) => {
              let id: string | undefined;
              try {
                id = (JSON.parse(body) as { data?: { submitPetition?: { id: string } } }).data?.submitPetition?.id;
              } catch {
                id = undefined;
              }
              (context as Submitted).id = id;
            },
          },
          {
            ...post("", ctx.officerToken),
            setupRequest: (req, context) => ({ ...req, body: json(ACCEPT, { id: (context as Submitted).id ?? "0" }) }),
          },
        ];
      },
    },
  ];
}
