import { useEffect, useState } from "preact/hooks";
import { completeSignIn } from "../auth/session";
import { Link, PageTitle, ProblemMessage, Status } from "../components";
import { navigate } from "../router";

/** Where the server sends the browser back with the code (or a refusal). */
export function Callback() {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    completeSignIn(location.search).then(
      (returnTo) => navigate(returnTo, true),
      (e: unknown) => setError(e instanceof Error ? e.message : "Sign-in failed."),
    );
  }, []);
  return (
    <section class="narrow">
      <PageTitle>{error ? "Sign-in failed" : "Signing in"}</PageTitle>
      {error ? (
        <>
          <ProblemMessage problem={{ message: error, fields: [] }} />
          <p><Link href="/sign-in">Try again</Link></p>
        </>
      ) : <Status>Finishing sign-in…</Status>}
    </section>
  );
}
