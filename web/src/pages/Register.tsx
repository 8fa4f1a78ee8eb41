import { useState } from "preact/hooks";
import { api } from "../api/client";
import { describeProblem, type ShownProblem } from "../api/problem";
import { Link, PageTitle, ProblemMessage } from "../components";
import { navigate } from "../router";

export function Register() {
  const [problem, setProblem] = useState<ShownProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? "");
    setBusy(true);
    setProblem(null);
    const { error, response } = await api.POST("/api/v1/auth/register", {
      body: { email: text("email"), username: text("username"), password: text("password"), displayName: text("displayName") || null },
    }).catch((e: unknown) => ({ error: e, response: undefined }));
    setBusy(false);
    if (response?.ok) {
      navigate("/sign-in?registered=1");
    } else {
      setProblem(describeProblem(error, response));
    }
  };
  return (
    <section class="narrow">
      <PageTitle>Create an account</PageTitle>
      <ProblemMessage problem={problem} />
      <form onSubmit={submit}>
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autocomplete="email" required />
        <label for="username">Username</label>
        <input id="username" name="username" autocomplete="username" required />
        <label for="displayName">Display name (optional)</label>
        <input id="displayName" name="displayName" autocomplete="name" />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="new-password" required aria-describedby="password-hint" />
        <p id="password-hint" class="hint">At least 8 characters, with an upper-case letter, a lower-case letter and a digit.</p>
        <button type="submit" class="primary" disabled={busy}>{busy ? "Creating…" : "Create account"}</button>
      </form>
      <p>Have an account? <Link href="/sign-in">Sign in</Link></p>
    </section>
  );
}
