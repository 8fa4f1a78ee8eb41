// What the person reads when the API refuses: an RFC 9457 problem's detail (or its title), and the
// field messages of a validation problem.
export interface ShownProblem {
  message: string;
  fields: string[];
}

export function describeProblem(error: unknown, response?: Response): ShownProblem {
  if (error && typeof error === "object") {
    const problem = error as { detail?: unknown; title?: unknown; errors?: unknown };
    const fields: string[] = [];
    if (problem.errors && typeof problem.errors === "object") {
      for (const messages of Object.values(problem.errors as Record<string, unknown>)) {
        if (Array.isArray(messages)) {
          fields.push(...messages.filter((m): m is string => typeof m === "string"));
        }
      }
    }
    const message = typeof problem.detail === "string" && problem.detail
      ? problem.detail
      : typeof problem.title === "string" && problem.title ? problem.title : null;
    if (message) {
      return { message, fields };
    }
  }
  if (error instanceof Error) {
    return { message: error.message, fields: [] };
  }
  return { message: response ? `The server answered ${response.status} ${response.statusText}.` : "The server could not be reached.", fields: [] };
}
