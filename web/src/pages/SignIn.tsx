import { useState } from "preact/hooks";
import { startSignIn } from "../auth/session";
import { Link, PageTitle, ProblemMessage, Status } from "../components";

export function SignIn(props: { returnTo: string; notice?: string | undefined }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const begin = () => {
    setBusy(true);
    startSignIn(props.returnTo).catch((e: unknown) => {
      setBusy(false);
      setError(e instanceof Error ? e.message : "Sign-in could not start.");
    });
  };
  return (
    <section class="narrow">
      <PageTitle>Sign in</PageTitle>
      {props.notice && <Status>{props.notice}</Status>}
      <p>Sign in on your VoiceNote server to see and write your notes.</p>
      <ProblemMessage problem={error ? { message: error, fields: [] } : null} />
      <button type="button" class="primary" onClick={begin} disabled={busy}>{busy ? "Signing in…" : "Sign in"}</button>
      <p>New here? <Link href="/register">Create an account</Link></p>
    </section>
  );
}
