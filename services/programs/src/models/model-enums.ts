/**
 * The words of the "Dân vận khéo" models (docs/product.md, "programs"). Plain TypeScript enums:
 * model-graphql-enums.ts registers them with GraphQL, so the rules stay free of it.
 */

/** The field a "Dân vận khéo" model works in. */
export enum MobilisationField {
  ECONOMY = "ECONOMY",
  CULTURE_SOCIETY = "CULTURE_SOCIETY",
  DEFENCE_SECURITY = "DEFENCE_SECURITY",
  POLITICAL_SYSTEM = "POLITICAL_SYSTEM",
}

/** The emulation track the model is registered under. */
export enum MobilisationTrack {
  GENERAL = "GENERAL",
  NEW_RURAL = "NEW_RURAL",
  CIVILISED_URBAN = "CIVILISED_URBAN",
}

/** Who registered the model: a collective (a committee, a village) or one person. */
export enum RegistrantKind {
  COLLECTIVE = "COLLECTIVE",
  INDIVIDUAL = "INDIVIDUAL",
}

/** The states of a model; the allowed moves are in model-lifecycle.ts. */
export enum ModelStatus {
  REGISTERED = "REGISTERED",
  IMPLEMENTING = "IMPLEMENTING",
  EVALUATED = "EVALUATED",
  RECOGNISED = "RECOGNISED",
  NOT_RECOGNISED = "NOT_RECOGNISED",
  WITHDRAWN = "WITHDRAWN",
}
