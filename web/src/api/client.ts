// The API client: openapi-fetch typed by the types openapi-typescript generates from the host's own
// OpenAPI document at build time (docs/decisions/0063, 0091). No DTO is written by hand here.
import createClient from "openapi-fetch";
import { accessToken, forget, refresh } from "../auth/session";
import type { components, paths } from "./generated/voicenote";

export type Schemas = components["schemas"];

/** Sends the access token; on a 401 refreshes once and tries again, else signs the app out. */
async function authorizedFetch(request: Request): Promise<Response> {
  const attempt = async (token: string | null) => {
    const copy = request.clone();
    if (token) {
      copy.headers.set("Authorization", `Bearer ${token}`);
    }
    return fetch(copy);
  };
  const token = await accessToken();
  const response = await attempt(token);
  if (response.status !== 401 || token === null) {
    return response;
  }
  if (await refresh()) {
    return attempt(await accessToken());
  }
  forget();
  return response;
}

export const api = createClient<paths>({ baseUrl: location.origin, fetch: authorizedFetch });
