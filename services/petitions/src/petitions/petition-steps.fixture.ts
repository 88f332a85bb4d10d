import { officerOf, type Harness } from "../testing/harness.js";

/**
 * For the petitions' integration tests: a denunciation submitted by an officer of 883 (its
 * handling officer `HANDLER`, its denouncer named), and a lifecycle step as its mutation, both
 * through the harness the test file started.
 */
const SUBMIT = `mutation($input: SubmitPetitionInput!) { submitPetition(input: $input) { id status dueOn version isOverdue } }`;
/** What a step's mutation reads back. */
export const FIELDS = `id status dueOn acceptedOn version extensionsUsed isOverdue allowedTransitions history { transition fromStatus toStatus occurredOn actor reason }`;
/** The handling officer named in every petition `submit` sends. */
export const HANDLER = { sub: "handler-7", roles: ["HANDLING_OFFICER" as const], unitCode: "883" };
/** The steps whose input type is not named after the mutation. */
const INPUT: Record<string, string> = {
  startVerification: "PetitionStepInput",
  withdrawPetition: "PetitionStepInput",
};

/** `submit` (a denunciation, `over` what differs) and `step` through `harness()`, read when they run. */
export function petitionSteps(harness: () => Harness) {
  const submit = (over: Record<string, unknown> = {}, identity = officerOf("883")) =>
    harness().run(SUBMIT, {
      identity,
      variables: {
        input: {
          kind: "DENUNCIATION",
          channel: "DIRECT",
          communeCode: "30280",
          summary: "Tố cáo sai phạm trong cấp đất",
          receivedOn: "2020-03-02",
          complexity: "ESPECIALLY_COMPLEX",
          handlingOfficer: HANDLER.sub,
          denouncer: { fullName: "Phan Văn Bí Mật", phone: "0912345678" },
          idempotencyKey: `submit-${Math.random()}`,
          ...over,
        },
      },
    });
  const step = (
    mutation: string,
    input: Record<string, unknown>,
    identity = officerOf("883"),
    language: "en" | "vi" = "en",
  ) =>
    harness().run(
      `mutation($input: ${INPUT[mutation] ?? mutation[0]!.toUpperCase() + mutation.slice(1) + "Input"}!) { ${mutation}(input: $input) { ${FIELDS} } }`,
      { identity, variables: { input }, language },
    );
  return { submit, step };
}
