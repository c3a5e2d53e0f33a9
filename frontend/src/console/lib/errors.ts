// API errors as a form shows them: the server's sentence next to the field that
// extensions.field names (input.email → "email"), else above the form. Never raw JSON.
import type { CombinedError } from "@urql/core";

export interface FormErrors {
  /** Messages by input field name (the part after "input."). */
  fields: Record<string, string>;
  /** What belongs to no field, in sentences. */
  form: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, form: null };

export function errorCode(error: CombinedError | undefined): string | null {
  const found = error?.graphQLErrors.find((e) => typeof e.extensions?.code === "string");
  return (found?.extensions?.code as string | undefined) ?? null;
}

export function hasCode(error: CombinedError | undefined, code: string): boolean {
  return !!error?.graphQLErrors.some((e) => e.extensions?.code === code);
}

function fieldName(path: unknown): string | null {
  if (typeof path !== "string" || !path) return null;
  return path.startsWith("input.") ? path.slice("input.".length) : path;
}

export function networkMessage(error: CombinedError): string {
  const status = (error.response as Response | undefined)?.status;
  if (status === 503) return "The service is unavailable for a moment: try again shortly.";
  if (status === 413) return "That is too large for the server.";
  return "The server could not be reached: check your connection and try again.";
}

/** Split an error into field messages and one message for the form. `known` lists the
 * fields that the form shows; a field it does not show goes to the top of the form. */
export function formErrors(error: CombinedError | undefined, known: readonly string[] = []): FormErrors {
  if (!error) return NO_ERRORS;
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const e of error.graphQLErrors) {
    const field = fieldName(e.extensions?.field);
    if (field && known.includes(field) && !fields[field]) fields[field] = e.message;
    else if (!rest.includes(e.message)) rest.push(e.message);
  }
  if (error.networkError && !error.graphQLErrors.length) rest.push(networkMessage(error));
  return { fields, form: rest.length ? rest.join(" ") : null };
}

/** One sentence for an error that belongs to no form (a list that failed to load). */
export function errorMessage(error: CombinedError | undefined): string | null {
  return formErrors(error).form;
}
