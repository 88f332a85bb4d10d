import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLError } from "graphql";
import { LiteralValuesRule, variableFaults, variablesError, withoutQuotedValues } from "./input-faults.js";

/** Apollo Server's `validationRules`: literal argument values, by path, with the graph's scalars. */
export const inputValidationRules = [LiteralValuesRule];

/**
 * Checks what a client sends before any plan is made: the document's own value errors are
 * replaced by LiteralValuesRule's (graphql-js's quote the value), and variables are checked by
 * path with the graph's scalars, so the gateway's own coercion (which quotes the whole
 * variable: a denouncer's name, ID number and phone) never has anything to say.
 * Runs before the query limits, which read `first` from the variables.
 */
export function inputChecksPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async validationDidStart() {
          return async (errors?: readonly Error[]) => {
            if (!errors?.length) return;
            // Apollo Server answers with this very array: edit it in place (the gateway's server test proves it).
            const kept = withoutQuotedValues(errors as readonly GraphQLError[]);
            (errors as Error[]).splice(0, errors.length, ...kept);
          };
        },
        async didResolveOperation({ operation, schema, request }) {
          if (!operation?.variableDefinitions?.length) return;
          const faults = variableFaults(schema, operation, request.variables ?? {});
          if (faults.length) throw variablesError(faults);
        },
      };
    },
  };
}
